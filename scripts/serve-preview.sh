#!/usr/bin/env bash
# Builds what the harness needs (the crate if its build is missing or older than its sources, then
# the Vite page) and serves it with `vite preview` on 127.0.0.1:PORT, in the foreground.
# Playwright's webServer runs this; people can too. The page is built into a temporary folder of
# its own, removed on exit: a build elsewhere (harness/dist, another server) cannot pull files
# from under this one while it serves.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${1:-4173}"
# shellcheck source=scripts/lib/ensure-crate-built.sh
source scripts/lib/ensure-crate-built.sh
ensure_crate_built
OUT="$(mktemp -d "${TMPDIR:-/tmp}/wasm-compat-preview-XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
node_modules/.bin/vite build --config harness/vite.config.ts --logLevel warn --outDir "$OUT" --emptyOutDir
node_modules/.bin/vite preview --config harness/vite.config.ts --outDir "$OUT" --port "$PORT" --strictPort &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server"; rm -rf "$OUT"; exit 0' TERM INT HUP
wait "$server"
