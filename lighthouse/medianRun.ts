// Which of several runs is kept: Lighthouse CI's representative run (computeRepresentativeRuns in
// @lhci/utils: the run nearest the median FCP and median TTI together), the same function LHCI's
// "median-run" assertions read, so the report kept is the run those budgets were judged on.
// (Lighthouse's own computeMedianRun follows the same rule but averages the two middle values of an
// even number of runs and breaks ties to the lower TTI, so with 2 or 4 runs it can pick another run.)
// A run without FCP or TTI (a page that failed to load, a runtime error) is left out first, with
// Lighthouse's filterToValidRuns; LHCI's assertions see every run, so the two agree whenever every
// run measured the page, and a broken run shows in the budgets as LHCI judges it.
import { filterToValidRuns as lighthouseValidRuns } from 'lighthouse/core/lib/median-run.js';
import { computeRepresentativeRuns } from './lhci.ts';
import type { Lhr } from './lhr.ts';

// Lighthouse's declaration is in terms of its full LH.Result; the function reads only the audits.
const filterToValidRuns = lighthouseValidRuns as <T extends Lhr>(runs: T[]) => T[];

export interface MedianChoice<T extends Lhr> {
  median: T;
  /** The median's position among all runs (0-based). */
  index: number;
  /** How many runs had both FCP and TTI. */
  validRuns: number;
}

export function medianRun<T extends Lhr>(runs: readonly T[]): MedianChoice<T> {
  const valid = filterToValidRuns([...runs]);
  if (!valid.length) {
    const errors = [...new Set(runs.map((r) => (r.runtimeError ? `${r.runtimeError.code}: ${r.runtimeError.message}` : 'no FCP or TTI')))];
    throw new Error(`none of ${runs.length} Lighthouse run(s) measured the page (${errors.join('; ')})`);
  }
  const [median] = computeRepresentativeRuns([valid.map((run): [T, Lhr] => [run, run])]);
  return { median: median!, index: runs.indexOf(median!), validRuns: valid.length };
}
