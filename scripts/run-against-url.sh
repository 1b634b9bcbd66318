#!/usr/bin/env bash
# Runs the suite against an existing deployment (Dockerfile.runner's entry point; works anywhere).
#   WASM_COMPAT_BASE_URL=https://staging.example.com/ bash scripts/run-against-url.sh [playwright args]
set -euo pipefail
if [ -z "${WASM_COMPAT_BASE_URL:-}" ]; then
  echo "run-against-url: set WASM_COMPAT_BASE_URL to the deployment to test (e.g. https://staging.example.com/)" >&2
  exit 2
fi
exec npx playwright test "$@"
