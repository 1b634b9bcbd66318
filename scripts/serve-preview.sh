#!/usr/bin/env bash
# Builds what the harness needs (the crate if its build is missing or older than its sources, then
# the Vite page) and serves it with `vite preview` on 127.0.0.1:PORT, in the foreground.
# Playwright's webServer runs this; people can too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${1:-4173}"
# shellcheck source=scripts/lib/ensure-crate-built.sh
source scripts/lib/ensure-crate-built.sh
ensure_crate_built
node_modules/.bin/vite build --config harness/vite.config.ts --logLevel warn
exec node_modules/.bin/vite preview --config harness/vite.config.ts --port "$PORT" --strictPort
