#!/usr/bin/env bash
# Optimizes the crate's .wasm with wasm-opt (binaryen from npm, pinned in package-lock.json).
#
#   build/optimize-wasm.sh [minimal|standard|aggressive|size]     (default: standard)
#
#   STRIP_SECTIONS=0     keep custom sections (names, producers, target_features)
#   SKIP_VALIDATION=1    do not validate the output
#   SKIP_COMPRESSION=1   do not write .wasm.gz / .wasm.br
#   SKIP_TESTS=1         do not run the crate's Node tests on the output
#   PKG_DIR=...          another wasm-pack output folder (default crate/pkg)
#
# The input is always the build's own output: it is backed up once as <file>.wasm.orig, and every
# later run starts from that backup, so levels can be compared and re-run without compounding.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LEVEL="${1:-standard}"
PKG_DIR="${PKG_DIR:-$ROOT/crate/pkg}"
WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"

case "$LEVEL" in
  minimal) FLAGS=(-O1) ;;
  standard) FLAGS=(-O2 --converge) ;;
  aggressive) FLAGS=(-O3 -Oz --converge) ;;
  size) FLAGS=(-Oz --strip-debug --vacuum) ;;
  *)
    echo "optimize-wasm: unknown level '$LEVEL' (expected minimal, standard, aggressive or size)" >&2
    exit 2
    ;;
esac
[ -x "$WASM_OPT" ] || { echo "optimize-wasm: $WASM_OPT not found: run npm ci (package binaryen)" >&2; exit 1; }
[ -f "$PKG_DIR/build-info.json" ] || { echo "optimize-wasm: no $PKG_DIR/build-info.json: run build/build-wasm.sh first" >&2; exit 1; }
if [ "${STRIP_SECTIONS:-1}" != 0 ]; then
  # Debug info and names, the producers section, and target_features (read by wasm-opt on input; not needed after).
  FLAGS+=(--strip-debug --strip-producers --strip-target-features)
fi

shopt -s nullglob
files=("$PKG_DIR"/*.wasm)
[ ${#files[@]} -gt 0 ] || { echo "optimize-wasm: no .wasm in $PKG_DIR" >&2; exit 1; }

echo "optimize-wasm: level $LEVEL: $("$WASM_OPT" --version) ${FLAGS[*]}"
for wasm in "${files[@]}"; do
  backup="$wasm.orig"
  built_sha="$(node -e 'const i=require(process.argv[1]);const w=i.wasm.find(w=>w.file===process.argv[2]);process.stdout.write(w?(w.original??w).sha256:"")' "$PKG_DIR/build-info.json" "$(basename "$wasm")")"
  if [ ! -f "$backup" ] || [ "$(sha256sum "$backup" | cut -d' ' -f1)" != "$built_sha" ]; then
    [ "$(sha256sum "$wasm" | cut -d' ' -f1)" = "$built_sha" ] ||
      { echo "optimize-wasm: $wasm is not the build's output and has no backup of it: rebuild with build/build-wasm.sh" >&2; exit 1; }
    cp "$wasm" "$backup"
  fi
  # Binaryen validates what it reads and writes; a failure here names the pass or the feature.
  "$WASM_OPT" "${FLAGS[@]}" "$backup" -o "$wasm.tmp"
  mv "$wasm.tmp" "$wasm"
done

node_modules/.bin/tsx build/recordOptimization.ts "$PKG_DIR" --level "$LEVEL" --flags="${FLAGS[*]}" --wasm-opt "$("$WASM_OPT" --version)"

if [ "${SKIP_TESTS:-0}" = 1 ]; then
  echo "optimize-wasm: crate tests skipped (SKIP_TESTS=1)"
elif [ ! -f "$PKG_DIR/wasm_compat.js" ]; then
  echo "optimize-wasm: the Node crate tests know the demo's exports only; the suite's probes test this module"
else
  WASM_COMPAT_PKG="$PKG_DIR" node_modules/.bin/tsx --test tests/unit/crate.test.ts
fi
