# Sourced: builds crate/pkg (release, bundler) when it is missing or older than the crate's sources.
ensure_crate_built() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if [ ! -f "$root/crate/pkg/build-info.json" ] ||
    [ -n "$(find "$root/crate/src" "$root/crate/Cargo.toml" "$root/crate/Cargo.lock" -newer "$root/crate/pkg/build-info.json" 2>/dev/null | head -1)" ]; then
    bash "$root/scripts/build-wasm.sh" release bundler
  fi
}
