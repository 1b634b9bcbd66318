#!/usr/bin/env bash
# The main job: build the crate for production (release, then wasm-opt), then run the whole
# compatibility suite on every engine. Reports land under reports/ (see reports/README.md).
#   WASM_OPT_LEVEL=aggressive   minimal | standard | aggressive | size
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/build-wasm.sh release bundler || exit 1
bash scripts/optimize-wasm.sh "${WASM_OPT_LEVEL:-aggressive}" || exit 1
node_modules/.bin/playwright test "$@"
status=$?
echo
echo "compat: reports written:"
for f in reports/compat.json reports/playwright/index.html reports/size/optimize-"${WASM_OPT_LEVEL:-aggressive}".json; do
  [ -e "$f" ] && echo "  $f"
done
exit $status
