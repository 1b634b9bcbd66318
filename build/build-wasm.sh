#!/usr/bin/env bash
# Builds a crate with wasm-pack: the demo crate/ unless CRATE_DIR names another (subject/ passes
# the configured subject's; see docs/your-crate.md).
#
#   build/build-wasm.sh [dev|release|profiling] [web|bundler|nodejs]     (default: release bundler)
#
#   CRATE_DIR=...             the crate (default crate/)
#   OUT_DIR=...               where the output goes (default crate/pkg)
#   WASM_BINDGEN_VERSION=...  the wasm-bindgen the crate locks (default: crate/Cargo.toml's pin)
#   CARGO_FEATURES=a,b        cargo features to build with
#
# Writes the wasm-pack output, then <out>/build-info.json and a .sha256 beside each .wasm, then
# smoke-tests the demo's output in Node (SKIP_TESTS=1 skips that).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=build/toolchain.sh
source "$ROOT/build/toolchain.sh"

MODE="${1:-release}"
TARGET="${2:-bundler}"
CRATE_DIR="${CRATE_DIR:-$ROOT/crate}"
OUT_DIR="${OUT_DIR:-$ROOT/crate/pkg}"
CARGO_FEATURES="${CARGO_FEATURES:-}"
# shellcheck source=build/wasm-bindgen-cli.sh
source "$ROOT/build/wasm-bindgen-cli.sh"
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
if [ "$CRATE_DIR" = "$ROOT/crate" ]; then
  want_bindgen="${WASM_BINDGEN_VERSION:-$(crate_wasm_bindgen_version)}"
else
  want_bindgen="${WASM_BINDGEN_VERSION:-}"
fi
wasm_bindgen_cli_activate "$want_bindgen" || missing+=("wasm-bindgen-cli $want_bindgen, the version the crate locks")
have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
command -v node >/dev/null 2>&1 || missing+=("node (npm ci brings the project's Node: node_modules/.bin/node)")
[ -x node_modules/.bin/tsx ] || missing+=("npm packages (npm ci)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-wasm: cannot build, missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

echo "build-wasm: $MODE build of ${CRATE_DIR#"$ROOT"/}${CARGO_FEATURES:+ (features $CARGO_FEATURES)} for target $TARGET with $(wasm_toolchain_describe), wasm-bindgen $have_bindgen"
started=$SECONDS
# --no-opt: wasm-pack would download its own wasm-opt (unreachable offline); build/optimize-wasm.sh
# runs binaryen from npm instead, for any crate, whatever its Cargo.toml says.
cargo_args=()
[ -z "$CARGO_FEATURES" ] || cargo_args=(-- --features "$CARGO_FEATURES")
wasm-pack --quiet build "$CRATE_DIR" --"$MODE" --target "$TARGET" --out-dir "$OUT_DIR" --no-opt "${cargo_args[@]}"
rm -f "$OUT_DIR/.gitignore"

# wasm-pack itself checks the wasm-bindgen version; say which ones ran.
node_modules/.bin/tsx build/writeBuildInfo.ts "$OUT_DIR" \
  --mode "$MODE" --target "$TARGET" --crate-dir "$CRATE_DIR" --features "$CARGO_FEATURES" \
  --rustc "$("$WASM_RUSTC" --version)" \
  --wasm-pack "$(wasm-pack --version | awk '{print $2}')" \
  --wasm-bindgen "$have_bindgen"
echo "build-wasm: built in $((SECONDS - started))s -> $OUT_DIR"

if [ "${SKIP_TESTS:-0}" = 1 ]; then
  echo "build-wasm: smoke test skipped (SKIP_TESTS=1)"
elif [ "$CRATE_DIR" != "$ROOT/crate" ]; then
  echo "build-wasm: the Node smoke test knows the demo's exports only; the suite's probes test this crate"
else
  node_modules/.bin/tsx build/smokeWasm.ts "$OUT_DIR"
fi
