# Builds crate/pkg (release, bundler) when it is missing or older than the crate's sources. Sourced
# (scripts that call ensure_crate_built) or run directly (`bash build/ensure-crate-built.sh`).
# WASM_COMPAT_PREBUILT=1 (CI jobs that download the build as an artifact): use crate/pkg as it is,
# since a checkout's file times say nothing about which is newer.
ensure_crate_built() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ "${WASM_COMPAT_PREBUILT:-0}" = 1 ]; then
    [ -f "$root/crate/pkg/build-info.json" ] || { echo "WASM_COMPAT_PREBUILT=1 but crate/pkg/build-info.json is missing" >&2; return 1; }
    return 0
  fi
  if [ ! -f "$root/crate/pkg/build-info.json" ] ||
    [ -n "$(find "$root/crate/src" "$root/crate/Cargo.toml" "$root/crate/Cargo.lock" -newer "$root/crate/pkg/build-info.json" 2>/dev/null | head -1)" ]; then
    bash "$root/build/build-wasm.sh" release bundler
  fi
}

# Run directly (`bash build/ensure-crate-built.sh`): build when needed, then return. (npm run dev,
# preview and serve build the subject through scripts/buildSubject.ts, which covers any crate.)
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_crate_built >&2
fi
