#!/usr/bin/env bash
# Builds the Rust standard library for wasm32-unknown-unknown from Debian's rust-web-src and
# installs it into Debian rustc's sysroot. Needed only where `rustup target add` cannot reach its
# server. Uses the vendored dependencies that rust-web-src ships, so it needs no network.
set -euo pipefail

RUSTC=/usr/bin/rustc
CARGO=/usr/bin/cargo
[ -x "$RUSTC" ] && [ -x "$CARGO" ] || { echo "Debian's rustc-web/cargo-web are not installed (/usr/bin/rustc, /usr/bin/cargo)" >&2; exit 1; }
version="$("$RUSTC" --version | awk '{print $2}')"
src="/usr/src/rustc-$version/library"
[ -d "$src/vendor" ] || { echo "no Rust library sources at $src (package rust-web-src for rustc $version)" >&2; exit 1; }
command -v rust-lld >/dev/null 2>&1 || [ -x /usr/bin/rust-lld ] || { echo "rust-lld not found (package rust-web-llvm / lld-22)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/.cargo"
cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm32-std-seed"
version = "0.0.0"
edition = "2021"

[lib]
crate-type = ["cdylib"]
path = "src/lib.rs"

[profile.release]
lto = true
codegen-units = 1
panic = "abort"
TOML
echo 'pub fn seed() -> usize { std::mem::size_of::<usize>() }' >"$work/src/lib.rs"
cat >"$work/.cargo/config.toml" <<TOML
[source.crates-io]
replace-with = "debian-vendor"

[source.debian-vendor]
directory = "$src/vendor"
TOML

echo "    building std for wasm32-unknown-unknown from $src (about a minute)"
(cd "$work" && RUSTC="$RUSTC" RUSTC_BOOTSTRAP=1 "$CARGO" build --quiet --release \
  --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort)

dest="$("$RUSTC" --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib"
SUDO=""
[ -w "$(dirname "$(dirname "$dest")")" ] || [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO mkdir -p "$dest"
$SUDO cp "$work"/target/wasm32-unknown-unknown/release/deps/*.rlib "$dest/"
echo "    installed $(ls "$dest" | wc -l) libraries into $dest"
