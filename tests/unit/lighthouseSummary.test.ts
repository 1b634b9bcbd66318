// The Lighthouse summary, read from stored results of real runs on this project's machine
// (tests/fixtures/lighthouse/README.md): scores, metrics, byte weight, and the .wasm's transfer
// size and encoding from the wasm-transfer-size audit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeLighthouse } from '../../lighthouse/lighthouseRuntime.ts';
import { PAGES, PROBES_PAGE } from '../../lighthouse/pages.ts';
import { pageSummary, runFigures, wasmSummary } from '../../lighthouse/summary.ts';
import {
  type BudgetAssertion,
  describeAssertion,
  formatValue,
  type LighthouseSummary,
  type MeasuredTarget,
  missedLines,
  summaryMarkdown,
} from '../../lighthouse/summaryReport.ts';
import { primaryWasmResponse, wasmTransfer } from '../../lighthouse/wasmTransfer.ts';
import { lhrFixture, networkRecord } from './lighthouseFixtures.ts';

test('summary: scores, the five metrics, TTI and byte weight come from the audits Lighthouse scores with', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const s = pageSummary(PROBES_PAGE, lhr);
  assert.equal(s.page, 'probes');
  assert.equal(s.label, "the probes page (the suite's own stress probes, not the subject)");
  assert.equal(s.formFactor, 'mobile');
  assert.equal(s.lighthouseVersion, '12.2.3');
  assert.equal(s.throttling.method, 'simulate');
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.deepEqual(Object.keys(s.scores).sort(), ['accessibility', 'best-practices', 'performance', 'seo']);
  assert.equal(s.scores.performance, lhr.categories.performance!.score);
  const audit = (id: string) => lhr.audits[id]!.numericValue;
  assert.deepEqual(s.metrics, {
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndexMs: audit('speed-index'),
    ttiMs: audit('interactive'),
  });
  for (const value of Object.values(s.metrics)) assert.equal(typeof value, 'number');
  assert.equal(s.totalByteWeight, audit('total-byte-weight'));
});

test('summary: the desktop run says desktop', () => {
  const s = pageSummary(PROBES_PAGE, lhrFixture('index-desktop'));
  assert.equal(s.formFactor, 'desktop');
  assert.equal(typeof s.scores.performance, 'number');
});

test('summary: the .wasm that carried the module, its encoding, and every fetch of it', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const wasm = wasmSummary(lhr);
  assert.ok(wasm, 'the harness loads its crate: there must be a .wasm');
  assert.match(wasm.url, /\/assets\/wasm_compat_bg-[\w-]+\.wasm$/);
  // The suite's servers send the build's precompressed module.
  assert.match(wasm.encoding, /^(br|gzip)$/);
  assert.ok(wasm.transferBytes < wasm.resourceBytes / 2, `${wasm.transferBytes} B on the wire for ${wasm.resourceBytes} B decoded`);
  assert.equal(wasm.moduleTransferBytes, lhr.audits['wasm-transfer-size']!.numericValue);
  assert.ok(wasm.totalTransferBytes >= wasm.moduleTransferBytes);
  assert.equal(wasm.requests, lhr.audits['wasm-transfer-size']!.details!.items!.length);
});

test('summary: Lighthouse audit errors are named, so a broken audit does not pass unnoticed', () => {
  const s = pageSummary(PROBES_PAGE, lhrFixture('index-mobile-run1'));
  for (const line of s.auditErrors) assert.match(line, /^[a-z-]+: .+/);
});

test('summary: one line of figures per run', () => {
  const f = runFigures(lhrFixture('index-mobile-run2'));
  assert.equal(typeof f.fcpMs, 'number');
  assert.equal(typeof f.ttiMs, 'number');
  assert.equal(f.runtimeError, null);
});

const record = networkRecord;

test('wasm transfer: identity without Content-Encoding, header names in any case, cache hits cost nothing', () => {
  const t = wasmTransfer([
    record({ responseHeaders: [{ name: 'Content-Encoding', value: 'BR' }] }),
    record({ transferSize: 0, fromDiskCache: true }),
    record({ url: 'http://x/other.wasm?v=2', transferSize: 3200 }),
    record({ url: 'http://x/app.js', mimeType: 'text/javascript', transferSize: 99 }),
    record({ url: 'http://x/served-as-wasm', transferSize: 10 }),
  ]);
  assert.deepEqual(
    t.responses.map((r) => [r.encoding, r.source]),
    [
      ['br', 'network'],
      ['identity', 'disk cache'],
      ['identity', 'network'],
      ['identity', 'network'],
    ],
  );
  assert.equal(t.totalTransferBytes, 1000 + 0 + 3200 + 10);
});

test('wasm transfer: a module fetched again past the cache counts once in moduleTransferBytes, every time in the total', () => {
  const t = wasmTransfer([record({}), record({ transferSize: 0, fromMemoryCache: true }), record({}), record({ statusCode: 304, transferSize: 300 })]);
  assert.equal(t.moduleTransferBytes, 1000);
  assert.equal(t.totalTransferBytes, 2300);
  assert.equal(t.responses[3]!.source, 'revalidated');
  assert.equal(primaryWasmResponse(t.responses)!.source, 'network');
  assert.equal(primaryWasmResponse([]), null);
});

const budget = (over: Partial<BudgetAssertion>): BudgetAssertion => ({
  url: 'http://127.0.0.1:4195/',
  key: 'first-contentful-paint',
  title: 'First Contentful Paint',
  level: 'error',
  name: 'maxNumericValue',
  operator: '<=',
  expected: 1800,
  actual: 1338.5,
  values: [1338.5],
  aggregationMethod: 'median-run',
  unit: 'millisecond',
  passed: true,
  message: null,
  page: 'site',
  formFactor: 'mobile',
  gates: true,
  ...over,
});

test('summary.md: one row per page and form factor, with the .wasm cell and the budgets', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const assertions = [
    budget({}),
    budget({ key: 'total-blocking-time', level: 'warn', expected: 200, actual: 350, values: [350], passed: false }),
    budget({
      key: 'categories:performance',
      name: 'minScore',
      operator: '>=',
      expected: 0.9,
      actual: 0.91,
      values: [0.9, 0.9, 0.91],
      unit: 'score',
      message: 'median-run: LHCI read this from all 3 runs',
    }),
    budget({ page: 'probes', gates: false, key: 'total-byte-weight', expected: 409600, actual: 3738186, values: [3738186], unit: 'byte', passed: false }),
  ];
  const runtime = { version: '13.5.0', nodeVersion: 'v24.22.3', node: '/p/node_modules/.bin/node' };
  const target: MeasuredTarget = {
    ...pageSummary(PROBES_PAGE, lhr),
    reports: { html: 'probes-mobile.report.html', json: 'probes-mobile.report.json' },
    medianRun: 0,
    validRuns: 1,
    runs: [{ ...runFigures(lhr), loadAverage: [0.5, 0.4, 0.3] }],
    failedRuns: [],
  };
  const summary: LighthouseSummary = {
    schema: 4,
    generatedAt: '2026-01-01T00:00:00.000Z',
    ok: true,
    lighthouseVersion: lhr.lighthouseVersion,
    lighthouse: { ...runtime, description: describeLighthouse(runtime) },
    chromium: { binary: '/usr/bin/chromium', source: 'system Chromium', flags: [], userAgent: null },
    server: {
      kind: 'nginx',
      description: 'nginx with deploy/nginx.conf, COEP require-corp, serving a fresh build of the harness',
      reason: 'nginx is installed (/usr/sbin/nginx)',
      baseUrl: 'http://127.0.0.1:4195/',
    },
    machine: { cpus: 2, loadAverage: { start: [0.5, 0.4, 0.3], end: [0.6, 0.4, 0.3] } },
    runsPerTarget: 1,
    pages: [...PAGES],
    suiteThrottling: { source: '/r/compat.json', throttling: null, missing: 'no compat.json' },
    results: [target],
    failures: [],
    budgets: {
      files: { mobile: 'lighthouse/lighthouserc.mobile.json' },
      judgedBy: '@lhci/utils 0.15.1 (getAllAssertionResults)',
      passed: true,
      missedErrors: missedLines(assertions, 'error'),
      missedNotGating: missedLines(assertions, 'error', false),
      missedWarnings: missedLines(assertions, 'warn'),
      assertions,
    },
  };
  const md = summaryMarkdown(summary);
  const row = md.split('\n').find((l) => l.startsWith('| probes | mobile |'));
  assert.ok(row, md);
  assert.match(row, new RegExp(`\\| ${Math.round(lhr.categories.performance!.score! * 100)} \\|`));
  assert.match(row, / KiB (br|gzip) \(\d+\.\d KiB decoded/);
  assert.match(md, /Server: \*\*nginx\*\* at http:\/\/127\.0\.0\.1:4195\/: nginx with deploy\/nginx\.conf, .* \(nginx is installed \(\/usr\/sbin\/nginx\)\)/);
  assert.match(md, /## Budgets \(mobile: `lighthouse\/lighthouserc\.mobile\.json`; judged by @lhci\/utils 0\.15\.1/);
  // Every budget is a row, met or missed, with the measured value, the limit and the level.
  assert.ok(md.includes('| site | mobile | `first-contentful-paint` maxNumericValue | error | 1339 ms | <= 1800 ms | met |'), md);
  assert.ok(md.includes('| site | mobile | `total-blocking-time` maxNumericValue | warn | 350 ms | <= 200 ms | missed (warn) |'), md);
  // A missed warning is listed; a met budget with a note from LHCI is listed with it.
  assert.ok(md.includes('- missed warn: total-blocking-time maxNumericValue: 350 ms > 200 ms (site, mobile, median-run)'), md);
  assert.ok(
    md.includes('- met error: categories:performance minScore: 0.91 >= 0.90 — median-run: LHCI read this from all 3 runs (site, mobile, median-run)'),
    md,
  );
  assert.match(md, /Load average .* 0\.50 \/ 0\.40 \/ 0\.30 at the start/);
  assert.ok(
    md.includes(
      "- Lighthouse 13.5.0 in the runner's process (Node v24.22.3, /p/node_modules/.bin/node); on /usr/bin/chromium (system Chromium: /usr/bin/chromium)",
    ),
    md,
  );
  // The probes page does not gate: its missed error is reported, not counted against the run.
  assert.deepEqual(summary.budgets.missedErrors, []);
  assert.match(md, /^Every budget that gates holds \(error-level misses on a page that does not gate are reported below\)\./m);
  assert.ok(
    md.includes(
      '| probes | mobile | `total-byte-weight` maxNumericValue | error | 3738186 B (3650.6 KiB) | <= 409600 B (400.0 KiB) | missed (reported: the page does not gate) |',
    ),
    md,
  );
  assert.ok(
    md.includes(
      '- missed error: total-byte-weight maxNumericValue: 3738186 B (3650.6 KiB) > 409600 B (400.0 KiB) (probes, mobile, median-run) (reported only: the page does not gate)',
    ),
    md,
  );
  assert.ok(md.includes("- **probes** (`/`): the probes page (the suite's own stress probes, not the subject)"), md);
});

test('budget lines: measured value, limit and unit as a person reads them', () => {
  assert.equal(formatValue(67735, 'byte'), '67735 B (66.1 KiB)');
  assert.equal(formatValue(0.9, 'score'), '0.90');
  assert.equal(formatValue(null, 'millisecond'), 'no value');
  assert.equal(formatValue(0.0049, 'unitless'), '0.005');
  assert.equal(
    describeAssertion(budget({ passed: false, actual: 1900, values: [1900] }), 'index, mobile'),
    'missed error: first-contentful-paint maxNumericValue: 1900 ms > 1800 ms (index, mobile, median-run)',
  );
});
