// The Lighthouse CI code this suite runs, from @lhci/utils: `getAllAssertionResults` is what
// `lhci assert` judges a lighthouserc's assertions with, `computeRepresentativeRuns` how LHCI picks
// the median run (the one "median-run" assertions read, and the report LHCI keeps). @lhci/utils is
// CommonJS without type declarations (its types live in the lighthouse-ci repository, not on npm),
// so it is loaded with require and typed here from its JSDoc, as far as this suite reads it.
import { createRequire } from 'node:module';
import type { Lhr } from './lhr.ts';
import type { AssertBlock, AssertionLevel } from './lighthouserc.ts';

/** What LHCI asserts on one audit: the value it reads, or auditRan for "the audit is in every run". */
export type LhciAssertionName = 'auditRan' | 'minScore' | 'maxLength' | 'maxNumericValue';

/** LHCI.AssertCommand.Options, the parts this suite passes: one assert block of a lighthouserc. */
export interface LhciAssertOptions extends AssertBlock {
  /** Met assertions too; LHCI returns only the missed ones by default. */
  includePassedAssertions?: boolean;
}

/** LHCI.AssertResults.AssertionResult. */
export interface LhciAssertionResult {
  url: string;
  auditId: string;
  /** "performance" for categories:performance, "script.size" for resource-summary:script:size. */
  auditProperty?: string;
  auditTitle?: string;
  auditDocumentationLink?: string;
  level: Exclude<AssertionLevel, 'off'>;
  name: LhciAssertionName;
  operator: string;
  expected: number;
  /** NaN when no run gave a value. */
  actual: number;
  /** The values aggregated (NaN where a run gave none). */
  values: number[];
  passed: boolean;
  message?: string;
}

/** The URL field LHCI groups runs by and matches matchingUrlPattern against. */
export type LhciLhr = Lhr & { finalUrl: string };

interface AssertionsModule {
  getAllAssertionResults(options: LhciAssertOptions, lhrs: readonly LhciLhr[]): LhciAssertionResult[];
}
interface RepresentativeRunsModule {
  computeRepresentativeRuns<T>(runsByUrl: Array<Array<[T, Lhr]>>): T[];
}

const require = createRequire(import.meta.url);
const assertions = require('@lhci/utils/src/assertions.js') as AssertionsModule;
const representativeRuns = require('@lhci/utils/src/representative-runs.js') as RepresentativeRunsModule;

export const LHCI_UTILS_VERSION = (require('@lhci/utils/package.json') as { version: string }).version;

export const getAllAssertionResults = assertions.getAllAssertionResults;
export const computeRepresentativeRuns = representativeRuns.computeRepresentativeRuns;
