#!/usr/bin/env bash
# The Vite dev server for the harness on 127.0.0.1:PORT (default 5173), in the foreground, with the
# same security and isolation headers as production (harness/servingPlugin.ts). The suite's dev
# target starts it (WASM_COMPAT_TARGET=dev); `npm run dev` is the same without the crate check.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${1:-5173}"
# shellcheck source=scripts/lib/ensure-crate-built.sh
source scripts/lib/ensure-crate-built.sh
ensure_crate_built
exec node_modules/.bin/vite --config harness/vite.config.ts --port "$PORT" --strictPort
