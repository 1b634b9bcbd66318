// The budgets: lighthouserc assertions judged by Lighthouse CI's own code (@lhci/utils, through
// lighthouse/assertions.ts) on stored results of a real run, and the budget files in lighthouse/
// themselves. Where LHCI's semantics differ from the hand-written evaluation this suite had before,
// the tests follow LHCI and say so ("LHCI:").
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { type AssertionResult, evaluateAssertions, missedErrors } from '../../lighthouse/assertions.ts';
import { getAllAssertionResults, type LhciLhr } from '../../lighthouse/lhci.ts';
import type { Lhr } from '../../lighthouse/lhr.ts';
import { type AssertConfig, parseLighthouserc, readLighthouserc } from '../../lighthouse/lighthouserc.ts';
import { medianRun } from '../../lighthouse/medianRun.ts';
import { describeAssertion } from '../../lighthouse/summaryReport.ts';
import { lhrFixture, mobileRuns, siteMobileRuns } from './lighthouseFixtures.ts';

const evaluate = (assert: AssertConfig, runs: Lhr[] = [lhrFixture('index-mobile-run1')]) => evaluateAssertions(assert, runs);
const only = (results: AssertionResult[]) => {
  assert.equal(results.length, 1, JSON.stringify(results, null, 2));
  return results[0]!;
};

test('budget met: a category score at or above minScore', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const score = lhr.categories.accessibility!.score!;
  const r = only(evaluate({ assertions: { 'categories:accessibility': ['error', { minScore: score }] } }));
  assert.equal(r.passed, true);
  assert.equal(r.actual, score);
  assert.equal(r.operator, '>=');
  assert.deepEqual(missedErrors([r]), []);
});

test('budget missed: named in the message with what was measured and the limit', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const tbt = lhr.audits['total-blocking-time']!.numericValue!;
  const limit = Math.floor(tbt) - 1;
  const r = only(evaluate({ assertions: { 'total-blocking-time': ['error', { maxNumericValue: limit }] } }));
  assert.equal(r.passed, false);
  assert.equal(r.actual, tbt);
  assert.deepEqual(missedErrors([r]), [r]);
  const message = describeAssertion(r, 'index, mobile');
  assert.match(message, /^missed error: total-blocking-time maxNumericValue: \d+ ms > \d+ ms \(index, mobile, optimistic\)$/);
  assert.ok(message.includes(`${Math.round(tbt)} ms > ${limit} ms`), message);
});

test('warn vs error: the same miss fails the run only at level error; off is not evaluated', () => {
  const limit = { maxNumericValue: 1 };
  const warn = only(evaluate({ assertions: { 'first-contentful-paint': ['warn', limit] } }));
  const error = only(evaluate({ assertions: { 'first-contentful-paint': ['error', limit] } }));
  assert.equal(warn.passed, false);
  assert.equal(warn.level, 'warn');
  assert.deepEqual(missedErrors([warn]), []);
  assert.match(describeAssertion(warn, 'p'), /^missed warn: /);
  assert.deepEqual(missedErrors([error]), [error]);
  assert.deepEqual(evaluate({ assertions: { 'first-contentful-paint': ['off', limit], 'speed-index': 'off' } }), []);
});

test('a level alone means minScore 0.9, as in Lighthouse CI', () => {
  const r = only(evaluate({ assertions: { 'categories:best-practices': 'error' } }));
  assert.equal(r.name, 'minScore');
  assert.equal(r.expected, 0.9);
});

test('minScore and maxNumericValue on one audit give two results; an unknown audit fails as not run, named by LHCI', () => {
  const both = evaluate({ assertions: { 'largest-contentful-paint': ['error', { minScore: 0, maxNumericValue: 1e9 }] } });
  assert.deepEqual(
    both.map((r) => [r.name, r.passed]),
    [
      ['maxNumericValue', true],
      ['minScore', true],
    ],
  );
  const missing = only(evaluate({ assertions: { 'no-such-audit': 'error' } }));
  assert.equal(missing.name, 'auditRan');
  assert.equal(missing.passed, false);
  // LHCI: auditRan is ">= 1" (it was "== 1"), and the message is LHCI's own.
  assert.equal(missing.operator, '>=');
  assert.match(describeAssertion(missing, 'x'), /^missed error: no-such-audit auditRan: 0 < 1 — "no-such-audit" is not a known audit\./);
  // Lighthouse 12 has no PWA category; LHCI gives no message there, so the summary says what happened.
  const pwa = only(evaluate({ assertions: { 'categories:pwa': 'warn' } }));
  assert.equal(pwa.name, 'auditRan');
  assert.match(pwa.message ?? '', /"categories:pwa" is not in every run's Lighthouse result/);
  // An audit missing from one run of three fails even under optimistic, which would otherwise take the best run.
  const runs = mobileRuns();
  delete runs[1]!.audits['speed-index'];
  const partly = only(evaluate({ assertions: { 'speed-index': ['error', { maxNumericValue: 1e9 }] } }, runs));
  assert.equal(partly.name, 'auditRan');
  assert.deepEqual(partly.values, [1, 0, 1]);
});

test('the .wasm budget: wasm-transfer-size is an audit like any other', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const bytes = lhr.audits['wasm-transfer-size']!.numericValue!;
  const met = only(evaluate({ assertions: { 'wasm-transfer-size': ['error', { maxNumericValue: bytes }] } }));
  const missed = only(evaluate({ assertions: { 'wasm-transfer-size': ['error', { maxNumericValue: bytes - 1 }] } }));
  assert.equal(met.passed, true);
  assert.equal(met.unit, 'byte');
  assert.equal(missed.passed, false);
  assert.match(describeAssertion(missed, 'index, mobile'), /wasm-transfer-size maxNumericValue: \d+ B \(\d+\.\d KiB\) > \d+ B/);
});

test('maxLength counts table rows (uses-text-compression lists what was sent uncompressed)', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const uncompressed = lhr.audits['uses-text-compression']!.details?.items?.length ?? 0;
  assert.equal(only(evaluate({ assertions: { 'uses-text-compression': ['error', { maxLength: uncompressed }] } })).passed, true);
  assert.equal(only(evaluate({ assertions: { 'dom-size': ['error', { maxLength: 0 }] } })).passed, false);
});

test('minScore as LHCI reads it: not applicable counts as 1, an unscored informative audit as 0, an errored audit has no value', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const notApplicable = Object.values(lhr.audits).find((a) => a.scoreDisplayMode === 'notApplicable')!;
  assert.equal(only(evaluate({ assertions: { [notApplicable.id]: ['error', { minScore: 1 }] } })).actual, 1);
  // Lighthouse 12 gives informative audits a score of 1; older results leave it null, which LHCI reads as 0.
  const unscored = structuredClone(lhr);
  unscored.audits['wasm-transfer-size']!.score = null;
  assert.equal(only(evaluate({ assertions: { 'wasm-transfer-size': ['error', { minScore: 0.5 }] } }, [unscored])).actual, 0);
  // This Chromium breaks Lighthouse 12.2.3's layout-shifts audit (docs/lighthouse.md): a budget on it must fail, not pass.
  const errored = Object.values(lhr.audits).find((a) => a.scoreDisplayMode === 'error')!;
  const r = only(evaluate({ assertions: { [errored.id]: 'error' } }));
  assert.equal(r.passed, false);
  assert.equal(r.actual, null);
  assert.deepEqual(r.values, [null]); // LHCI's NaN, as JSON can carry it
  assert.match(describeAssertion(r, 'x'), /no value .* — Audit did not produce a value at all\. "minScore" might not be a valid assertion for this audit\./);
});

test('resource-summary:<type>:size reads the resource summary row', () => {
  const lhr = lhrFixture('index-mobile-run1');
  const row = lhr.audits['resource-summary']!.details!.items!.find((i) => i.resourceType === 'script')!;
  const r = only(evaluate({ assertions: { 'resource-summary:script:size': ['warn', { maxNumericValue: 1e9 }] } }));
  assert.equal(r.actual, row.size ?? row.transferSize);
  assert.equal(r.key, 'resource-summary:script:size');
  assert.equal(r.unit, 'byte');
});

test('aggregation over three runs: optimistic takes the best, pessimistic the worst, median-run the kept run (for audits)', () => {
  const runs = mobileRuns();
  const fcps = runs.map((r) => r.audits['first-contentful-paint']!.numericValue!);
  const kept = medianRun(runs).median.audits['first-contentful-paint']!.numericValue!;
  const actual = (aggregationMethod: AssertConfig['aggregationMethod']) =>
    only(evaluate({ aggregationMethod, assertions: { 'first-contentful-paint': ['error', { maxNumericValue: 1e9 }] } }, runs)).actual;
  assert.equal(actual(undefined), Math.min(...fcps), 'optimistic is the default, as in LHCI');
  assert.equal(actual('optimistic'), Math.min(...fcps));
  assert.equal(actual('pessimistic'), Math.max(...fcps));
  assert.equal(actual('median'), [...fcps].sort((a, b) => a - b)[1]);
  assert.equal(actual('median-run'), kept);
  // An assertion's own aggregationMethod wins over the block's.
  const own = only(
    evaluate(
      { aggregationMethod: 'median-run', assertions: { 'first-contentful-paint': ['error', { maxNumericValue: 1e9, aggregationMethod: 'pessimistic' }] } },
      runs,
    ),
  );
  assert.equal(own.actual, Math.max(...fcps));
  assert.equal(own.values.length, 3);
  assert.equal(own.aggregationMethod, 'pessimistic');
  assert.equal(own.message, null);
});

test('LHCI: a category under median-run is read from every run and the highest taken, not the kept run (lighthouse-ci#1064)', () => {
  const runs = mobileRuns();
  const scores = runs.map((r) => r.categories.performance!.score!);
  assert.ok(new Set(scores).size > 1, 'the stored runs must score differently for this to test anything');
  const r = only(evaluate({ aggregationMethod: 'median-run', assertions: { 'categories:performance': ['warn', { minScore: 0.9 }] } }, runs));
  assert.deepEqual(r.values, scores);
  assert.equal(r.actual, Math.max(...scores));
  assert.equal(r.aggregationMethod, 'median-run');
  assert.match(r.message ?? '', /median-run: LHCI read this from all 3 runs, not only the median run, and took the highest/);
  // One run: nothing to say.
  assert.equal(only(evaluate({ aggregationMethod: 'median-run', assertions: { 'categories:performance': 'warn' } })).message, null);
});

test('one LHCI call per assertion gives what one call with the whole lighthouserc gives', () => {
  const rc = readLighthouserc('lighthouse/lighthouserc.mobile.json').assert;
  const runs = mobileRuns();
  const ours = evaluate(rc, runs);
  const whole = getAllAssertionResults({ ...rc, includePassedAssertions: true }, runs as LhciLhr[]);
  const nan = (v: number) => (Number.isNaN(v) ? null : v);
  assert.deepEqual(
    ours.map((r) => [r.name, r.level, r.expected, r.actual, r.passed]),
    whole.map((r) => [r.name, r.level, r.expected, nan(r.actual), r.passed]),
  );
  assert.deepEqual(
    ours.map((r) => r.key),
    whole.map((r) => (r.auditProperty ? `${r.auditId}:${r.auditProperty}` : r.auditId)),
  );
});

test('assertMatrix: each block applies to the URLs its matchingUrlPattern matches', () => {
  const results = evaluate({
    assertMatrix: [
      { matchingUrlPattern: '/$', assertions: { 'speed-index': ['error', { maxNumericValue: 1e9 }] } },
      { matchingUrlPattern: 'bench\\.html$', assertions: { 'speed-index': ['error', { maxNumericValue: 0 }] } },
    ],
  });
  assert.equal(only(results).passed, true);
});

test('runs without finalUrl (deprecated since Lighthouse 10) are grouped by their finalDisplayedUrl', () => {
  const runs = mobileRuns().map((lhr) => {
    const { finalUrl: _, ...rest } = lhr;
    return rest;
  });
  const r = only(evaluate({ assertMatrix: [{ matchingUrlPattern: '/$', assertions: { 'speed-index': ['error', { maxNumericValue: 1e9 }] } }] }, runs));
  assert.equal(r.url, runs[0]!.finalDisplayedUrl);
  assert.equal(r.values.length, 3, 'all three runs in one group');
});

test('lighthouserc: the committed budget files parse, per form factor, and name what the summary shows', () => {
  const files = readdirSync(new URL('../../lighthouse/', import.meta.url)).filter((f) => /^lighthouserc\..+\.json$/.test(f));
  assert.deepEqual(files.sort(), ['lighthouserc.desktop.json', 'lighthouserc.mobile.json']);
  const mobile = readLighthouserc('lighthouse/lighthouserc.mobile.json');
  const desktop = readLighthouserc('lighthouse/lighthouserc.desktop.json');
  assert.equal(mobile.formFactor, 'mobile');
  assert.equal(desktop.formFactor, 'desktop');
  for (const rc of [mobile, desktop]) {
    assert.equal(rc.assert.aggregationMethod, 'median-run', 'budgets are judged on the run whose report is kept');
    for (const key of [
      'categories:performance',
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
      'interactive',
      'total-byte-weight',
      'wasm-transfer-size',
      'uncompressed-text',
    ]) {
      assert.ok(rc.assert.assertions?.[key], `${key} is budgeted`);
    }
  }
  // Every budget names something the stored runs of the gating page have (under Lighthouse 13, which
  // runs by default, with the suite's audits): no typo'd audit id passes as "not run".
  for (const [rc, runs] of [
    [mobile, siteMobileRuns()],
    [desktop, [lhrFixture('site-desktop')]],
  ] as const) {
    const results = evaluateAssertions(rc.assert, runs);
    assert.deepEqual(
      results.filter((r) => r.name === 'auditRan'),
      [],
    );
    assert.equal(results.length, Object.keys(rc.assert.assertions ?? {}).length, 'one result per budget');
  }
});

test('lighthouserc: mistakes are errors that name the file and the key, not silent defaults', () => {
  const rc =
    (assert: unknown, collect: unknown = {}) =>
    () =>
      parseLighthouserc({ ci: { collect, assert } }, 'rc.json');
  assert.throws(
    rc({ assertions: { 'speed-index': ['error', { maxNumericValues: 1 }] } }),
    /rc\.json: ci\.assert\.assertions\["speed-index"\]: unknown option "maxNumericValues"/,
  );
  assert.throws(rc({ assertions: { 'speed-index': 'fatal' } }), /level "fatal" is not one of off, warn, error/);
  assert.throws(rc({ assertions: { 'speed-index': ['error', { maxNumericValue: '3s' }] } }), /maxNumericValue must be a number/);
  // Keys LHCI would quietly skip or misread.
  assert.throws(
    rc({ assertions: { speedIndex: 'error' } }),
    /assertions\["speedIndex"\]: LHCI looks assertions up in lower-case kebab-case, so this one would silently never be checked/,
  );
  assert.throws(rc({ assertions: { 'speed-index:p90': 'error' } }), /only categories:… and resource-summary:… take a property; LHCI would ignore ":p90"/);
  assert.throws(rc({ assertions: { categories: 'error' } }), /expected categories:<category id>/);
  assert.throws(rc({ assertions: { 'resource-summary:script:bytes': 'error' } }), /expected resource-summary:<resource type>:size\|count/);
  assert.throws(rc({ assertions: { 'user-timings:mark': 'error' } }), /user-timings assertions are not supported here/);
  assert.throws(rc({ preset: 'lighthouse:recommended' }), /preset is not supported here/);
  assert.throws(rc({ assertions: {}, assertMatrix: [] }), /assertMatrix cannot be combined with assertions/);
  assert.throws(rc({ aggregationMethod: 'mean' }), /aggregationMethod: "mean" is not one of/);
  assert.throws(rc({}, { numberOfRuns: 0 }), /numberOfRuns must be a positive integer/);
  assert.throws(rc({}, { settings: { preset: 'tablet' } }), /preset must be "desktop"/);
  assert.throws(() => parseLighthouserc({ assertions: {} }, 'rc.json'), /expected \{ "ci": \{ "assert"/);
  assert.deepEqual(parseLighthouserc({ ci: { collect: { numberOfRuns: 5, settings: { preset: 'desktop' } }, assert: {} } }, 'x'), {
    numberOfRuns: 5,
    formFactor: 'desktop',
    assert: {},
  });
});

test("CI's gate rests on what does not depend on the runner's speed: every timing budget is a warning, in both form factors", () => {
  // Scores and times that scale with the machine (Lighthouse simulates throttling from observed main-thread time).
  const TIMING = [
    'categories:performance',
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'speed-index',
    'interactive',
    'max-potential-fid',
  ];
  for (const file of readdirSync(new URL('../../lighthouse/', import.meta.url)).filter((f) => /^lighthouserc\..*\.json$/.test(f))) {
    const assertions = readLighthouserc(new URL(`../../lighthouse/${file}`, import.meta.url).pathname).assert.assertions ?? {};
    const level = (key: string) => {
      const value = assertions[key];
      return Array.isArray(value) ? value[0] : value;
    };
    for (const key of TIMING) if (key in assertions) assert.notEqual(level(key), 'error', `${file}: ${key} depends on the runner's speed; it must not fail CI`);
    const gates = Object.keys(assertions).filter((k) => level(k) === 'error');
    assert.deepEqual(
      gates.sort(),
      [
        'categories:accessibility',
        'categories:best-practices',
        'categories:seo',
        'cumulative-layout-shift',
        'total-byte-weight',
        'uncompressed-text',
        'wasm-transfer-size',
      ],
      `${file}: the error-level gate`,
    );
  }
});
