#!/usr/bin/env bash
# Builds crate/ with wasm-pack.
#
#   build/build-wasm.sh [dev|release|profiling] [web|bundler|nodejs]     (default: release bundler)
#
# Writes the wasm-pack output to crate/pkg (OUT_DIR=... elsewhere), then pkg/build-info.json and a
# .sha256 beside each .wasm, then smoke-tests the output in Node (SKIP_TESTS=1 skips that).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=build/toolchain.sh
source "$ROOT/build/toolchain.sh"

MODE="${1:-release}"
TARGET="${2:-bundler}"
OUT_DIR="${OUT_DIR:-$ROOT/crate/pkg}"
case "$MODE" in dev | release | profiling) ;; *)
  echo "build-wasm: unknown mode '$MODE' (expected dev, release or profiling)" >&2
  exit 2
  ;;
esac
case "$TARGET" in web | bundler | nodejs) ;; *)
  echo "build-wasm: unknown target '$TARGET' (expected web, bundler or nodejs)" >&2
  exit 2
  ;;
esac

# Dependencies first, all of them, so one run names everything that is missing.
missing=()
wasm_toolchain_activate || missing+=("a Rust toolchain with the wasm32-unknown-unknown std (run scripts/setup.sh; rustup target add wasm32-unknown-unknown on a rustup machine)")
command -v wasm-pack >/dev/null 2>&1 || missing+=("wasm-pack $WASM_PACK_VERSION (cargo install wasm-pack@$WASM_PACK_VERSION, or scripts/setup.sh)")
want_bindgen="$(crate_wasm_bindgen_version)"
have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
[ "$have_bindgen" = "$want_bindgen" ] ||
  missing+=("wasm-bindgen-cli $want_bindgen, the version crate/Cargo.toml pins (found: ${have_bindgen:-none}; cargo install wasm-bindgen-cli@$want_bindgen)")
command -v node >/dev/null 2>&1 || missing+=("node (Node.js 20.19+)")
[ -x node_modules/.bin/tsx ] || missing+=("npm packages (npm ci)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-wasm: cannot build, missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

echo "build-wasm: $MODE build for target $TARGET with $(wasm_toolchain_describe)"
started=$SECONDS
# wasm-pack's own wasm-opt step is off in Cargo.toml: build/optimize-wasm.sh runs binaryen from npm.
wasm-pack --quiet build crate --"$MODE" --target "$TARGET" --out-dir "$OUT_DIR"
rm -f "$OUT_DIR/.gitignore"

# wasm-pack itself checks the wasm-bindgen version; say which ones ran.
node_modules/.bin/tsx build/writeBuildInfo.ts "$OUT_DIR" \
  --mode "$MODE" --target "$TARGET" \
  --rustc "$("$WASM_RUSTC" --version)" \
  --wasm-pack "$(wasm-pack --version | awk '{print $2}')" \
  --wasm-bindgen "$have_bindgen"
echo "build-wasm: built in $((SECONDS - started))s -> $OUT_DIR"

if [ "${SKIP_TESTS:-0}" = 1 ]; then
  echo "build-wasm: smoke test skipped (SKIP_TESTS=1)"
else
  node_modules/.bin/tsx build/smokeWasm.ts "$OUT_DIR"
fi
