#!/usr/bin/env bash
# The main job: build the crate for production (release, then wasm-opt), run the whole
# compatibility suite on every engine, the same specs through Appium (every target available
# here), the Node benchmarks (WASM against JS), then Lighthouse on the built harness (mobile and
# desktop, with the budgets in lighthouse/). Reports land under reports/, or WASM_COMPAT_REPORTS_DIR
# (see reports/README.md).
#   WASM_OPT_LEVEL=aggressive   minimal | standard | aggressive | size
#   SKIP_APPIUM=1, SKIP_BENCH=1, SKIP_LIGHTHOUSE=1   leave that part out
#   BENCH_BROWSERS=1            also the benchmarks in every browser project (about 5 minutes)
# Exit status: the first failing part's (suite, Appium, benchmarks), else Lighthouse's (1 a budget
# missed, 2 not measured).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash build/build-wasm.sh release bundler || exit 1
bash build/optimize-wasm.sh "${WASM_OPT_LEVEL:-aggressive}" || exit 1
# The main job checks the serving setup too: the nginx serving matrix (a plain run leaves it out).
WASM_COMPAT_MATRIX="${WASM_COMPAT_MATRIX:-1}" node_modules/.bin/playwright test "$@"
suite_status=$?

appium_status=0
if [ "${SKIP_APPIUM:-0}" = 1 ]; then
  echo "compat: Appium skipped (SKIP_APPIUM=1)"
else
  echo
  echo "compat: the same specs through Appium and remote WebDriver (docs/appium.md)"
  # It joins the compat.json the suite run just wrote, and no other: that file names its run.
  suite_run=$(node -e 'try { process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runId ?? "") } catch {}' "${WASM_COMPAT_REPORTS_DIR:-reports}/compat.json")
  if [ -n "$suite_run" ]; then
    WASM_COMPAT_JOIN_RUN=$suite_run node_modules/.bin/playwright test --config playwright.appium.config.ts
  else
    echo "compat: the suite run wrote no compat.json, so the Appium run writes its own"
    node_modules/.bin/playwright test --config playwright.appium.config.ts
  fi
  appium_status=$?
fi

# Benchmarks and Lighthouse run alone, one after the other: each times the machine.
bench_status=0
if [ "${SKIP_BENCH:-0}" = 1 ]; then
  echo "compat: benchmarks skipped (SKIP_BENCH=1)"
else
  echo
  echo "compat: benchmarks, WASM against JS (docs/benchmarks.md)"
  node_modules/.bin/tsx benches/node/runNodeBenches.ts
  bench_status=$?
  if [ $bench_status -eq 0 ] && [ "${BENCH_BROWSERS:-0}" = 1 ]; then
    node_modules/.bin/tsx benches/browser/runBrowserBenches.ts
    bench_status=$?
  fi
fi

# After the suite, never alongside it: Lighthouse's timings would measure the suite's browsers too.
# It runs even when the suite failed, so every run leaves its Lighthouse reports.
lighthouse_status=0
if [ "${SKIP_LIGHTHOUSE:-0}" = 1 ]; then
  echo "compat: Lighthouse skipped (SKIP_LIGHTHOUSE=1)"
else
  echo
  echo "compat: Lighthouse on the built harness (docs/lighthouse.md)"
  node_modules/.bin/tsx lighthouse/runLighthouse.ts
  lighthouse_status=$?
fi

# The matrix once more, now that the benchmark, size and Lighthouse reports it links to exist.
echo
node_modules/.bin/tsx scripts/report.ts > /dev/null || echo "compat: the matrix page could not be written again (see above)"

echo
echo "compat: reports written:"
R="${WASM_COMPAT_REPORTS_DIR:-reports}"
for f in "$R"/index.html "$R"/changes.md "$R"/compat.json "$R"/playwright/index.html "$R"/playwright-appium/index.html "$R"/size/optimize-"${WASM_OPT_LEVEL:-aggressive}".json "$R"/bench/summary.md "$R"/bench/index.html "$R"/lighthouse/summary.md "$R"/lighthouse/*.report.html; do
  [ -e "$f" ] && echo "  $f"
done
[ $suite_status -ne 0 ] && echo "compat: the compatibility suite FAILED (exit $suite_status)"
[ $appium_status -ne 0 ] && echo "compat: the Appium run FAILED (exit $appium_status)"
[ $bench_status -ne 0 ] && echo "compat: the benchmarks FAILED (exit $bench_status)"
case $lighthouse_status in
  0) ;;
  1) echo "compat: Lighthouse: a budget was MISSED ($R/lighthouse/summary.md names it)" ;;
  *) echo "compat: Lighthouse could not measure the page (exit $lighthouse_status; see above)" ;;
esac
for status in $suite_status $appium_status $bench_status; do
  [ "$status" -ne 0 ] && exit "$status"
done
exit $lighthouse_status
