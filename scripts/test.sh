#!/usr/bin/env bash
# The project's own tests, everything a change must pass (run scripts/setup.sh once before):
#   1. Rust: rustfmt, clippy (warnings are errors), cargo test, cargo deny (licenses, bans, sources)
#   2. TypeScript type check; Biome's format and lint check of every .ts and .js (biome.jsonc); the layers' import rules (dependency-cruiser, .dependency-cruiser.cjs);
#      the README's probe table against the probes and docs/settings.md against settings/settings.ts; the workflows and Dockerfiles checked statically
#   3. Node: the crate against its twins, build-info, report writers, expectations, benchmark
#      machinery, Lighthouse summary and budgets, CI checks (tests/unit); the A/B bench gate on a real
#      slowdown (the crate's bench-slowdown build must end SLOWER: math.sieve, tests/benchGate); the library
#      fixture's #[wasm_bindgen_bench] benchmarks on three engines, and their A/B check on a real slowdown
#   4. The compatibility suite on every real engine: npx playwright test with the serving matrix
#      (WASM_COMPAT_MATRIX=1: preview, nginx and its isolation variants), with the subject's #[wasm_bindgen_test] tests in the five default modes per project (main thread, dedicated, shared and service worker, not isolated) and the probes of the engine alone in three workers too;
#      the five projects required (WASM_COMPAT_REQUIRE); the streaming probe against a
#      read-then-compile shim in Chromium, Firefox and WebKitGTK (tests/streaming)
#   5. The matrix (matrix/): reports/index.html, trends.html of ten stored runs and the harness page in
#      real Chromium at 390×844 and 1280×800 (no sideways overflow, the header row held, axe-core), and
#      changes.md and the history store after two real runs with one expectation changed (tests/report)
#   6. A run in which nothing ran fails; a required target must have run; a wrong remote setting is
#      an error (tests/runGate); a spec check failing an 'info' and an 'unsupported' probe is 'fail'
#      in the test, compat.json, the matrix, JUnit and wptreport, under --reporter=dot (tests/verdicts);
#      the projects pinned to a compiler tier prove their pin, and a misspelt pin fails the run (tests/tiers);
#      a run split into 3 shards merges into the 2-shard run's verdicts, as the 2 shards' runs do (tests/shards); the suite
#      through a real Selenium Grid with two nodes, and a node killed mid-run (tests/grid)
#   7. The suite fails on each broken deployment, naming the cause (tests/brokenDeployments); the
#      subject: bad input names its cause, a new target feature fails the requirements check, the
#      example crate (examples/web-apis) on every real engine, a Rust test of each outcome per
#      engine in compat.json, JUnit and the HTML report (tests/subject)
#   8. The same specs through Appium: npm run test:appium (appium-chromium here)
#   9. Coverage: the demo crate's native and browser tests' line coverage, twice, in the history store
#      and on trends.html (tests/coverage); the history store itself is in the unit tests (merges,
#      concurrent appends, damaged and foreign files) and the trends page in step 5 (ten stored runs)
# Every step runs; the summary names each one that failed. Each step is an npm script of its own
# (package.json), so a step can be run alone: npm run test:subject, npm run lint:rustfmt, ... From step 7 on, two lanes run side by
# side: 7, the run gate and verdicts of 6, and 8 in this shell; the streaming shim, 5, the tiers, shards and grid of 6, and 9 beside
# it (see below).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
# V8's code cache on disk for every Node process of the run, the folder the suite's global setup gives
# Playwright's workers: the unit step alone starts 65 processes that load the same modules
# (106-110 CPU s with it, 119 without, 2026-12-07).
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$ROOT/.cache/node-compile}"

failed=()
steps=0
# Each step's output is kept, so that the summary can say why a step failed in the last lines of
# the log, which is all a CI page may keep of it.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# A step's CPU seconds (its processes' user and system time, from bash's times builtin): they drift
# less than its wall time with the machine's load, and say what the other lane could overlap. Counted
# in a subshell of the step's own, whose only children are the step's: this shell also reaps the
# lanes, whose time would land on whichever step was running then.
to_ms() {
  local m=${1%%m*} s=${1#*m}
  s=${s%s}
  echo $(((10#$m * 60 + 10#${s%.*}) * 1000 + 10#${s#*.}))
}
# Runs a step, then leaves times' output in $1: the subshell's own line, then its children's, the step's.
timed() {
  local times=$1
  shift
  "$@"
  local status=$?
  times >"$times"
  return $status
}
# The CPU seconds a timed step left in $1; "?" when it left none (killed before it could say).
cpu_seconds() {
  local _ user sys
  if { read -r _ && read -r user sys; } <"$1" 2>/dev/null; then echo $((($(to_ms "$user") + $(to_ms "$sys")) / 1000)); else echo '?'; fi
}
run() {
  local name=$1
  shift
  steps=$((steps + 1))
  printf '\n==> [test] %s\n' "$name"
  local start=$SECONDS log="$logs/$steps-$BASHPID" outcome=ok
  (timed "$log.times" "$@") 2>&1 | tee "$log" || outcome=FAILED
  printf '==> [test] %s: %s (%ss, %s CPU s)\n' "$name" "$outcome" "$((SECONDS - start))" "$(cpu_seconds "$log.times")"
  if [ $outcome = FAILED ]; then
    failed+=("$name")
    why "$name" "$log" >>"$logs/why"
  fi
}
# The lines of a failed step's output that say why: errors, failed assertions and checks, each cut
# to one screen line; at most a dozen per step.
why() {
  printf 'why "%s" failed:\n' "$1"
  grep -E '(Error|error:|FAILED|✖|✘|not ok|[0-9]+\) \[)' "$2" | grep -vE '^\s*at ' | cut -c1-240 | awk '!seen[$0]++' | head -12 | sed 's/^/  /'
}

# npm test runs this under node_modules/.bin first on PATH: the project's Node (package.json), which
# every step below and its children run on. Said first, so a log shows which Node it was.
printf '==> [test] node %s (%s)\n' "$(node --version)" "$(command -v node)"

run "rustfmt" npm run -s lint:rustfmt
run "clippy" npm run -s lint:clippy
run "cargo test" npm run -s test:cargo
run "cargo deny (licenses, bans, sources)" npm run -s audit:deny:offline
run "the demo crate's build is current" npm run -s build:subject -- --demo
run "typecheck" npm run -s typecheck
run "TypeScript and JavaScript formatted and linted (Biome)" npm run -s lint:ts
run "layers: imports go one way (dependency-cruiser)" npm run -s lint:layers
run "README probe table and docs/settings.md are current" npm run -s lint:docs
run "workflows and Dockerfiles" bash -c 'npm run -s lint:workflows && npm run -s lint:docker'
# Three files at a time: most of a unit file's time is its process starting (node --test runs one at a time on 2 cores).
run "node unit tests" npm run -s test:unit
run "the bench gates catch the synthetic slowdowns (bench-slowdown: SLOWER: math.sieve; the crate's benchmarks: slow-checksum)" npm run -s test:bench-gate
# The five projects this machine runs must have run: a missing engine fails npm test by name.
run "compatibility suite (playwright)" env WASM_COMPAT_REQUIRE=chromium,firefox,webkit,pixel5,iphone12 WASM_COMPAT_MATRIX=1 npm run -s test:browsers
# Two lanes from here: the meta-tests that mostly wait (trickled downloads, a hang's timeout, pages
# that run alone on the machine, Java and Appium servers starting) run beside the broken
# deployments and the subject, which keep the other core busy. Timed pages stay alone across both
# (runner/timingLock.ts), every run has its own reports and output folders, and each lane's output
# is printed whole when it ends. Not three: with the subject and the grid in a third lane, npm test
# took 485 s against 494 s (2026-12-07, warm, one run each: within the machine's hour-to-hour
# drift), and the first run after a fresh setup, its coverage build cold as in CI, saw the
# streaming shim's Chromium pairs measure the bytes route at twice the shim's route (48 against
# 23 ms after the last byte, where alone both take 16-22 ms): a timing check is worth more than
# the seconds.
side_lane() {
  run "the streaming probe finds no overlap under read-then-compile, in three engines (the overlap itself: step 4)" npm run -s test:streaming
  run "the matrix: both pages at phone and laptop size, changes between two runs" npm run -s test:report
  run "compiler tiers: each engine's pins proven in compat.json, a misspelt pin fails the run" npm run -s test:tiers
  run "a run in 2 and in 3 shards merges into the 2-shard run's verdicts and JUnit" npm run -s test:shards
  run "a local Selenium Grid (hub, a Chromium and a Firefox node) runs the suite; a node killed mid-run fails its project only" npm run -s test:grid
  # Last in this lane: its instrumented build is cold in a fresh clone (71 s and 123 CPU s in CI,
  # 2026-12-08, where the warm step takes 19 s), and no timed page of this lane runs after it. In the
  # other lane it made that lane the longer by far in CI (408 s against 251).
  run "coverage: the demo's native and browser tests, twice, on the trends page" npm run -s test:coverage
}
LANES=(side_lane)
lanes=$(mktemp -d)
trap 'rm -rf "$lanes" "$logs"' EXIT
lane_pids=()
for lane in "${LANES[@]}"; do
  mkdir "$lanes/$lane"
  (
    failed=()
    steps=0
    "$lane"
    printf '%s\n' "${failed[@]}" >"$lanes/$lane/failed"
    echo "$steps" >"$lanes/$lane/steps"
  ) >"$lanes/$lane/log" 2>&1 &
  lane_pids+=($!)
done
run "the suite fails on broken deployments" npm run -s test:broken-deployments
run "the subject: bad input, the requirements check, the example crate" npm run -s test:subject
run "a green run means something ran, and one verdict reaches every output, under any --reporter" npm run -s test:run-gate
run "the same specs through Appium (npm run test:appium)" npm run -s test:appium
wait "${lane_pids[@]}"
for lane in "${LANES[@]}"; do
  cat "$lanes/$lane/log"
  if [ -f "$lanes/$lane/steps" ] && [ -f "$lanes/$lane/failed" ]; then
    steps=$((steps + $(cat "$lanes/$lane/steps")))
    while IFS= read -r name; do
      if [ -n "$name" ]; then failed+=("$name"); fi
    done <"$lanes/$lane/failed"
  else
    # The lane died before it could say which of its steps failed.
    steps=$((steps + 1))
    failed+=("the $lane (it ended without its record)")
  fi
done

echo
if [ -s "$logs/why" ]; then cat "$logs/why"; fi
echo "steps: $((steps - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
