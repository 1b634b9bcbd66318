// Which run is kept: Lighthouse CI's representative run (computeRepresentativeRuns) over three stored
// runs of a real `npm run lighthouse`, checked against the rule it documents (nearest to the median
// FCP and median TTI together), the same run LHCI's median-run budgets read, and runs that measured
// nothing left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { evaluateAssertions } from '../../lighthouse/assertions.ts';
import type { Lhr } from '../../lighthouse/lhr.ts';
import { medianRun } from '../../lighthouse/medianRun.ts';
import { mobileRuns } from './lighthouseFixtures.ts';

const fcp = (lhr: Lhr) => lhr.audits['first-contentful-paint']!.numericValue!;
const tti = (lhr: Lhr) => lhr.audits.interactive!.numericValue!;
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The documented rule, restated independently: squared distance to (median FCP, median TTI), the
 * median of an even count being the upper middle value, ties to the earlier run (LHCI's). */
function expectedMedian(runs: Lhr[]): Lhr {
  const mf = middle(runs.map(fcp));
  const mt = middle(runs.map(tti));
  const distance = (r: Lhr) => (mf - fcp(r)) ** 2 + (mt - tti(r)) ** 2;
  return [...runs].sort((a, b) => distance(a) - distance(b))[0]!;
}

test('median: the stored runs differ, and the kept one is nearest the median FCP and TTI', () => {
  const runs = mobileRuns();
  assert.equal(runs.length, 3);
  assert.ok(new Set(runs.map((r) => `${fcp(r)}/${tti(r)}`)).size > 1, 'three identical runs would test nothing');
  const choice = medianRun(runs);
  assert.equal(choice.median, expectedMedian(runs));
  assert.equal(choice.index, runs.indexOf(expectedMedian(runs)));
  assert.equal(choice.validRuns, 3);
});

test("median: the kept run is the one LHCI's median-run budgets judge, with two runs as with three", () => {
  const runs = mobileRuns();
  const fcpBudget = (of: Lhr[]) =>
    evaluateAssertions({ aggregationMethod: 'median-run', assertions: { 'first-contentful-paint': ['error', { maxNumericValue: 1e9 }] } }, of)[0]!;
  for (const of of [runs, runs.slice(0, 2)]) {
    const judged = fcpBudget(of);
    assert.deepEqual(judged.values, [fcp(medianRun(of).median)], `${of.length} runs`);
  }
  // Why LHCI's choice and not Lighthouse's computeMedianRun: with an even count Lighthouse averages
  // the two middle values and breaks the resulting tie to the lower TTI, so it keeps another run
  // than the one the budgets read.
  const timed = (fcpMs: number, ttiMs: number) => {
    const lhr = structuredClone(runs[0]!);
    lhr.audits['first-contentful-paint']!.numericValue = fcpMs;
    lhr.audits.interactive!.numericValue = ttiMs;
    return lhr;
  };
  const two = [timed(1000, 2000), timed(1100, 2100)];
  assert.equal(medianRun(two).median, two[1]);
  assert.equal(medianRun(two).median, expectedMedian(two));
  assert.deepEqual(fcpBudget(two).values, [1100]);
  assert.equal((computeMedianRun as unknown as (r: Lhr[]) => Lhr)(two), two[0]);
});

test('median: the choice does not depend on the order the runs finished in (runs that tie aside)', () => {
  const runs = mobileRuns();
  const kept = medianRun(runs).median.fetchTime;
  for (const order of [
    [2, 1, 0],
    [1, 0, 2],
    [0, 2, 1],
  ])
    assert.equal(medianRun(order.map((i) => runs[i]!)).median.fetchTime, kept);
});

test('median: a run that measured nothing (a runtime error, no FCP) is left out', () => {
  const runs = mobileRuns();
  const broken = structuredClone(runs[0]!);
  broken.runtimeError = { code: 'NO_FCP', message: 'The page did not paint any content.' };
  delete broken.audits['first-contentful-paint']!.numericValue;
  const choice = medianRun([broken, runs[1]!, runs[2]!]);
  assert.notEqual(choice.median, broken);
  assert.equal(choice.validRuns, 2);
});

test('median: when no run measured anything, the error says why', () => {
  const broken = structuredClone(mobileRuns()[0]!);
  broken.runtimeError = { code: 'NO_FCP', message: 'The page did not paint any content.' };
  delete broken.audits['first-contentful-paint']!.numericValue;
  assert.throws(() => medianRun([broken]), /none of 1 Lighthouse run\(s\) measured the page \(NO_FCP: The page did not paint any content\.\)/);
});
