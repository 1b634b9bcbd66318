# Sourced by the build scripts: puts wasm-bindgen-cli of exactly a crate's wasm-bindgen version
# first in PATH. wasm-pack refuses (or downloads, which fails offline) any other version, so each
# version a subject locks is installed once, from crates.io, into .cache/wasm-bindgen-cli/<version>
# and reused by every later build. A wasm-bindgen of that exact version already on PATH is used as it is.

# Without its default rustls-tls feature: the runner reaches its browsers' WebDriver over plain HTTP
# on this machine, and TLS (ring, rustls, webpki-roots) was 56 of the install's 161 crates and a
# sixth of its CPU time (docs/toolchain.md).
# scripts/setup.sh installs with the same flags.
WASM_BINDGEN_CLI_FEATURES=(--no-default-features)

_BINDGEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_BINDGEN_CACHE="${WASM_BINDGEN_CACHE:-$_BINDGEN_ROOT/.cache/wasm-bindgen-cli}"

_bindgen_version_of() { "$1" --version 2>/dev/null | awk '{print $2}'; }

# wasm_bindgen_cli_activate <version>: returns 1, saying why, when it cannot be had.
wasm_bindgen_cli_activate() {
  local want="$1" dir="$WASM_BINDGEN_CACHE/$1" found
  [ -n "$want" ] || { echo "wasm-bindgen-cli: no version given (the crate's Cargo.lock names none)" >&2; return 1; }
  if [ -x "$dir/bin/wasm-bindgen" ] && [ "$(_bindgen_version_of "$dir/bin/wasm-bindgen")" = "$want" ]; then
    export PATH="$dir/bin:$PATH"
    return 0
  fi
  found="$(command -v wasm-bindgen 2>/dev/null || true)"
  if [ -n "$found" ] && [ "$(_bindgen_version_of "$found")" = "$want" ]; then
    return 0
  fi
  local started=$SECONDS
  # A first install compiles wasm-bindgen-cli (about 4 min on 2 cores): say so before the silence.
  echo "wasm-bindgen-cli: installing $want into ${dir#"$_BINDGEN_ROOT"/} (once per version; cargo install, a few minutes)..." >&2
  # The host toolchain builds the CLI (rustup's or Debian's, whichever cargo comes first). --locked
  # first; where the registry lacks a version its lock names (seen here: webpki-roots 1.0.11 for
  # 0.2.130), the newest compatible versions are taken instead, as scripts/setup.sh does.
  local log="$WASM_BINDGEN_CACHE/install-$want.log"
  mkdir -p "$WASM_BINDGEN_CACHE"
  if ! PATH="$HOME/.cargo/bin:$PATH" cargo install wasm-bindgen-cli "${WASM_BINDGEN_CLI_FEATURES[@]}" --version "=$want" --locked --root "$dir.tmp" --quiet >"$log" 2>&1; then
    echo "wasm-bindgen-cli: --locked failed ($(grep -m1 -E '^error' "$log" || tail -1 "$log")); retrying without the lock file" >&2
    if ! PATH="$HOME/.cargo/bin:$PATH" cargo install wasm-bindgen-cli "${WASM_BINDGEN_CLI_FEATURES[@]}" --version "=$want" --root "$dir.tmp" --quiet >"$log" 2>&1; then
      tail -15 "$log" >&2
      rm -rf "$dir.tmp"
      echo "wasm-bindgen-cli: cargo install wasm-bindgen-cli@$want failed (above; the whole log: $log); is crates.io reachable?" >&2
      return 1
    fi
  fi
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  echo "wasm-bindgen-cli: $want installed in $((SECONDS - started))s" >&2
  export PATH="$dir/bin:$PATH"
}
