// Which of several runs is kept: Lighthouse's own choice (core/lib/median-run.js, the one PSI and
// Lighthouse CI use): the run nearest the median FCP and median TTI together, ties to the lower TTI.
// A run without FCP or TTI (a page that failed to load, a runtime error) is left out first.
import { computeMedianRun as lighthouseMedianRun, filterToValidRuns as lighthouseValidRuns } from 'lighthouse/core/lib/median-run.js';
import type { Lhr } from './lhr.ts';

// Lighthouse's declaration is in terms of its full LH.Result; these functions read only the audits.
const computeMedianRun = lighthouseMedianRun as <T extends Lhr>(runs: T[]) => T;
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
  const median = computeMedianRun(valid);
  return { median, index: runs.indexOf(median), validRuns: valid.length };
}
