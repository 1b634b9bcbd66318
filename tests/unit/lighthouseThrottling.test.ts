// Throttling stated side by side in the Lighthouse summary: Lighthouse's, read from real results
// (tests/fixtures/lighthouse/), and the suite's pixel5 throttling, read from compat.json, with each
// way that record can be missing or malformed named.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PAGES, PROBES_PAGE, SITE_PAGE } from '../../lighthouse/pages.ts';
import { pageSummary, runFigures } from '../../lighthouse/summary.ts';
import { type MeasuredTarget, pageLines, throttlingLines } from '../../lighthouse/summaryReport.ts';
import { describeSuiteThrottling, readSuiteThrottling, type SuiteThrottlingRecord, suiteThrottlingFrom } from '../../lighthouse/suiteThrottling.ts';
import { describeLighthouseThrottling, type LighthouseThrottling, lighthouseThrottling } from '../../lighthouse/throttling.ts';
import { lhrFixture } from './lighthouseFixtures.ts';
import { scratchDir } from '../scratchDir.ts';

const PIXEL5 = {
  profile: 'mid-tier-phone',
  cpu: {
    rate: 3.2,
    hostBenchmarkIndex: 2400,
    targetBenchmarkIndex: 750,
    throttledBenchmarkIndex: 760,
    method: 'CDP Emulation.setCPUThrottlingRate',
    calibratedAt: '2026-11-29T10:00:00.000Z',
    cached: false,
  },
  network: { profile: 'slow-4g', latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, source: 'a test' },
  notApplied: ['isMobile: the engine has no touch'],
};
/** A stored run (tests/fixtures/compat/) whose pixel5 engine records `throttling`: the reader parses the whole file through its schema. */
function compatWith(throttling: unknown): { projects: Record<string, { engine: Record<string, unknown> | null }> } {
  const compat = JSON.parse(readFileSync(new URL('../fixtures/compat/all-pass.json', import.meta.url), 'utf8'));
  compat.projects.pixel5.engine.throttling = throttling;
  return compat;
}

test("Lighthouse's mobile throttling: simulated, 4× CPU, slow 4G, with the benchmark index it took", () => {
  const t = lighthouseThrottling(lhrFixture('index-mobile-run1'));
  assert.equal(t.method, 'simulate');
  assert.equal(t.cpuSlowdownMultiplier, 4);
  assert.equal(t.rttMs, 150);
  assert.equal(t.throughputKbps, 1638.4);
  assert.equal(typeof t.benchmarkIndex, 'number');
  assert.equal(describeLighthouseThrottling(t), "simulate (the observed run scaled by Lighthouse's model): CPU 4× slowdown, RTT 150 ms, 1,638.4 Kbps");
});

test("Lighthouse's desktop throttling: no CPU slowdown, 40 ms and 10 Mbps", () => {
  const t = lighthouseThrottling(lhrFixture('index-desktop'));
  assert.equal(describeLighthouseThrottling(t), "simulate (the observed run scaled by Lighthouse's model): CPU not slowed, RTT 40 ms, 10,240 Kbps");
});

test('devtools throttling names what Chromium applies; provided says none', () => {
  const base: LighthouseThrottling = {
    method: 'devtools',
    cpuSlowdownMultiplier: 4,
    rttMs: 150,
    throughputKbps: 1638.4,
    requestLatencyMs: 562.5,
    downloadThroughputKbps: 1474.56,
    uploadThroughputKbps: 675,
    benchmarkIndex: null,
  };
  assert.equal(describeLighthouseThrottling(base), 'devtools (applied in Chromium): CPU 4× slowdown, request latency 562.5 ms, 1,474.6 Kbps down, 675 Kbps up');
  assert.equal(describeLighthouseThrottling({ ...base, method: 'provided' }), 'provided: none applied by Lighthouse');
});

test("the suite's pixel5 throttling: read from compat.json and stated in one line", () => {
  const record = suiteThrottlingFrom(compatWith(PIXEL5), 'reports/compat.json');
  assert.deepEqual(record, { source: 'reports/compat.json', throttling: PIXEL5, missing: null });
  assert.equal(
    describeSuiteThrottling(record),
    "the suite's pixel5 throttling (reports/compat.json): CPU 3.2× slowdown by CDP Emulation.setCPUThrottlingRate (benchmark index: this host 2400, the phone aimed at 750, measured throttled 760); network slow-4g: latency 150 ms, 1,600 Kbps down, 750 Kbps up; not applied: isMobile: the engine has no touch",
  );
  const none = suiteThrottlingFrom(compatWith({ profile: 'mid-tier-phone', cpu: null, network: null, notApplied: [] }), 'c.json');
  assert.equal(describeSuiteThrottling(none), "the suite's pixel5 throttling (c.json): CPU not throttled; network not throttled");
});

test("the suite's pixel5 throttling: no compat.json, no pixel5, no record, each said as such", () => {
  const absent = readSuiteThrottling(join(scratchDir('lh-throttling-'), 'compat.json'));
  assert.equal(describeSuiteThrottling(absent), "the suite's pixel5 throttling: not recorded (no compat.json)");
  const withoutPixel5 = compatWith(undefined);
  delete withoutPixel5.projects.pixel5;
  assert.match(describeSuiteThrottling(suiteThrottlingFrom(withoutPixel5, 'c.json')), /not recorded \(c\.json has no pixel5 project/);
  const said = (compat: unknown) => describeSuiteThrottling(suiteThrottlingFrom(compat, 'c.json'));
  assert.match(said(compatWith(undefined)), /not recorded \(c\.json has no projects\.pixel5\.engine\.throttling \(written before/);
  assert.match(said(compatWith(null)), /not recorded \(c\.json's projects\.pixel5\.engine\.throttling is null/);
  const notRun = compatWith(undefined);
  notRun.projects.pixel5!.engine = null;
  assert.match(describeSuiteThrottling(suiteThrottlingFrom(notRun, 'c.json')), /not recorded \(c\.json has no pixel5 engine/);
  const dir = scratchDir('lh-throttling-');
  writeFileSync(join(dir, 'compat.json'), '{ not json');
  assert.match(describeSuiteThrottling(readSuiteThrottling(join(dir, 'compat.json'))), /not recorded \(.*compat\.json is not JSON: /);
});

test('a malformed record is named by its field and value, and does not stop the summary', () => {
  const unreadable = (throttling: unknown) => suiteThrottlingFrom(compatWith(throttling), 'c.json').missing;
  const where = 'c.json is unreadable here: not a compat.json of schema 1: projects.pixel5.engine.throttling';
  assert.equal(unreadable({ ...PIXEL5, cpu: { ...PIXEL5.cpu, rate: '3.2' } }), `${where}.cpu.rate is "3.2", expected number`);
  assert.equal(unreadable({ ...PIXEL5, notApplied: undefined }), `${where}.notApplied is missing (required)`);
  assert.equal(unreadable({ ...PIXEL5, cpu: 4 }), `${where}.cpu is 4, expected object`);
  const record = suiteThrottlingFrom(compatWith({ ...PIXEL5, network: { ...PIXEL5.network, latencyMs: null } }), 'c.json');
  assert.equal(record.throttling, null);
  assert.equal(describeSuiteThrottling(record), `the suite's pixel5 throttling: not recorded (${where}.network.latencyMs is null, expected number)`);
  const future = { ...compatWith(PIXEL5), schema: 2 };
  const refused = describeSuiteThrottling(suiteThrottlingFrom(future, 'c.json'));
  assert.match(refused, /c\.json is unreadable here: schema version 2 is not one this wasm-compat reads \(1\)/);
});

const target = (page: typeof SITE_PAGE, fixture: string): MeasuredTarget => {
  const lhr = lhrFixture(fixture);
  return {
    ...pageSummary(page, lhr),
    reports: { html: '', json: '' },
    medianRun: 0,
    validRuns: 1,
    runs: [{ ...runFigures(lhr), loadAverage: [0, 0, 0] }],
    failedRuns: [],
  };
};

test("summary.md: the mobile run's throttling, then the suite's pixel5 beside it, then desktop", () => {
  const suite: SuiteThrottlingRecord = { source: 'reports/compat.json', throttling: null, missing: 'no compat.json' };
  const lines = throttlingLines({
    results: [target(SITE_PAGE, 'index-mobile-run1'), target(PROBES_PAGE, 'index-mobile-run2'), target(SITE_PAGE, 'index-desktop')],
    suiteThrottling: suite,
  });
  assert.equal(lines[0], "## Throttling: Lighthouse's and the suite's");
  assert.match(
    lines[2]!,
    /^- Lighthouse mobile: simulate .*CPU 4× slowdown, RTT 150 ms, 1,638\.4 Kbps; Lighthouse's benchmark index of this machine \(median run\): site [\d,]+, probes [\d,]+$/,
  );
  assert.equal(lines[3], "- Beside it, the suite's pixel5 throttling: not recorded (no compat.json)");
  assert.match(lines[4]!, /^- Lighthouse desktop: simulate .*CPU not slowed/);
  assert.equal(lines.length, 5);
});

test('summary.md: which page is which, the site page first', () => {
  assert.deepEqual(pageLines(PAGES), [
    '- **site** (`/site.html`): the site page (the subject imported, initialised and called once, as a site does)',
    "- **probes** (`/`): the probes page (the suite's own stress probes, not the subject)",
  ]);
  assert.equal(target(SITE_PAGE, 'index-mobile-run1').label, SITE_PAGE.label);
});
