// npm run bench:suite's profile (benches/suiteTiming/suiteProfile.ts) on a small stored run: where the
// time went per project, spec, Rust-test mode and probe, and the summary beside a previous run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompatReport } from '../../runner/compatReport.ts';
import { type PlaywrightJsonReport, profileRun, restartsOf, summarize } from '../../benches/suiteTiming/suiteProfile.ts';

const t0 = Date.parse('2026-12-04T10:00:00.000Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();
const result = (startS: number, duration: number, waitedMs = 0) => ({
  startTime: at(startS),
  duration,
  workerIndex: 0,
  status: 'passed',
  annotations: waitedMs ? [{ type: 'wasm-compat-lock-wait', description: `${waitedMs} ms` }] : [],
});

const run: PlaywrightJsonReport = {
  stats: { startTime: at(0), duration: 30_000 },
  suites: [
    {
      title: 'page.spec.ts',
      file: 'page.spec.ts',
      specs: [{ title: 'page', file: 'page.spec.ts', tests: [{ projectName: 'chromium', results: [result(5, 100)] }] }],
    },
    {
      title: 'rustTests.spec.ts',
      file: 'rustTests.spec.ts',
      suites: [
        {
          // A Rust test per test, a step per mode: the first step waits for every mode's run (they start at once).
          title: 'Rust tests (web)',
          file: 'rustTests.spec.ts',
          specs: [
            {
              title: 'rust: a',
              file: 'rustTests.spec.ts',
              tests: [
                {
                  projectName: 'chromium',
                  results: [
                    {
                      ...result(6, 3_500, 1_200),
                      steps: [
                        { title: 'main thread', duration: 2_000 },
                        { title: 'not isolated', duration: 1_500 },
                      ],
                    },
                  ],
                },
              ],
            },
            {
              title: 'rust: b',
              file: 'rustTests.spec.ts',
              tests: [
                {
                  projectName: 'chromium',
                  // A pinned binary's step names the pin after its mode.
                  results: [{ ...result(10.5, 0), steps: [{ title: 'main thread; pinned by wasm_bindgen_test_configure!(run_in_browser)', duration: 0 }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      title: 'serving.spec.ts',
      file: 'serving.spec.ts',
      specs: [{ title: 'serving', file: 'serving.spec.ts', tests: [{ projectName: 'firefox@nginx', results: [result(12, 300, 250)] }] }],
    },
  ],
};

const compat = {
  projects: {
    chromium: {
      session: { launchMs: 1_000, pageLoadMs: 3_000 },
      probes: [
        { id: 'loading.compileDuringDownload', ms: 2_600 },
        { id: 'limits.maxMemory', ms: 40 },
      ],
    },
    'firefox@nginx': { session: { launchMs: 4_000, pageLoadMs: 1_000 }, probes: [{ id: 'loading.compileDuringDownload', ms: 3_000 }] },
  },
} as unknown as CompatReport;

test('a run profiled: global setup, projects, specs, Rust modes, engines, page loads and probes', () => {
  const p = profileRun(run, compat);
  assert.equal(p.wallMs, 30_000);
  assert.equal(p.globalSetupMs, 5_000, 'until the first test began (its worker then starts its engine and loads the page)');
  assert.equal(p.teardownMs, 30_000 - 12_300);
  assert.deepEqual(p.projects.chromium, {
    wallMs: 5_500,
    launchMs: 1_000,
    pageLoadMs: 3_000,
    specs: { 'rustTests.spec.ts': 3_500, 'page.spec.ts': 100 },
    rustModes: { 'main thread': 2_000, 'not isolated': 1_500 },
    workers: 1,
    restarts: { count: 0, ms: 0 },
    lockWaitMs: 1_200,
  });
  // The time tests waited for the timing lock, as their annotations say (runner/testRecord.ts), per project and summed.
  assert.equal(p.projects['firefox@nginx']!.lockWaitMs, 250);
  assert.equal(p.lockWaitMs, 1_450);
  assert.deepEqual(p.rustModes, { 'main thread': 2_000, 'not isolated': 1_500 });
  assert.deepEqual(p.probes, { 'loading.compileDuringDownload': 5_600, 'limits.maxMemory': 40 });
  assert.equal(p.launchMs, 5_000);
  assert.equal(p.pageLoadMs, 4_000);
  // Without compat.json (a run that wrote none) the tests' own times still profile.
  assert.equal(profileRun(run, null).projects.chromium!.launchMs, null);
});

test('the summary puts each part beside the previous run', () => {
  const now = profileRun(run, compat);
  const before = { ...now, wallMs: 60_000, rustModes: { 'main thread': 4_000 } };
  const text = summarize(now, before);
  assert.match(text, /^\| part \| this run \| previous \|/);
  assert.match(text, /\| the whole run \| 30\.0 s \| 60\.0 s \|/);
  assert.match(text, /\| Rust tests, main thread \(summed\) \| 2\.0 s \| 4\.0 s \|/);
  assert.match(text, /\| Rust tests, not isolated \(summed\) \| 1\.5 s \| 0\.0 s \|/);
  assert.match(text, /\| of the tests' time, waiting for the timing lock \(summed\) \| 1\.4 s \| 1\.4 s \|/);
  assert.match(text, /\| workers started again after a failed test \(0\): the old one stopping, the new one starting \| 0\.0 s \| 0\.0 s \|/);
  assert.match(text, /Projects, longest first: chromium 5\.5 s \(1\.2 s waiting for the lock\), firefox@nginx 0\.3 s \(0\.3 s waiting for the lock\)\./);
  assert.match(text, /Probes, summed over projects, longest first: loading\.compileDuringDownload 5\.6 s, limits\.maxMemory 0\.0 s\./);
  assert.doesNotMatch(summarize(now), /previous/);
});

test('workers started again after a failure: each one in a slot an earlier worker of the project held, and the time it took', () => {
  const row = (worker: number, slot: number, start: number, duration: number) => ({ worker, slot, start, duration });
  assert.deepEqual(restartsOf([]), { count: 0, ms: 0 });
  // Two slots (a project on both workers): slot 1's worker stops after a failure at 5 s, its successor's first test starts at 5.6 s.
  assert.deepEqual(restartsOf([row(0, 0, 0, 12_000), row(1, 1, 100, 4_900), row(2, 1, 5_600, 300), row(2, 1, 5_900, 100), row(3, 1, 6_650, 50)]), {
    count: 2,
    ms: 600 + 650,
  });
  // Workers of another slot, however they follow one another, are no restart.
  assert.deepEqual(restartsOf([row(0, 0, 0, 1_000), row(1, 1, 2_000, 1_000)]), { count: 0, ms: 0 });
});
