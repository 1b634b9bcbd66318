#!/usr/bin/env bash
# cargo-audit and cargo-deny at pinned versions (CI's security job; setup.sh installs cargo-deny too).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=build/toolchain.sh
source "$ROOT/build/toolchain.sh"
export PATH="$HOME/.cargo/bin:$PATH"
ensure() { # crate version
  if [ "$("$1" --version 2>/dev/null | awk '{print $NF}')" = "$2" ]; then
    echo "$1 $2 present"
  else
    cargo install --locked "$1@$2" || cargo install "$1@$2"
  fi
}
ensure cargo-audit "$CARGO_AUDIT_VERSION"
ensure cargo-deny "$CARGO_DENY_VERSION"
