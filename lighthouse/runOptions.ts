// What `npm run lighthouse` is asked to do: its command line and environment, checked before any
// run so a mistake fails in a second with the option named.
import { parseArgs } from 'node:util';
import { FORM_FACTORS, type FormFactor, isFormFactor } from './lighthouseConfig.ts';
import { type LighthousePage, PAGES, SITE_PAGE } from './pages.ts';
import { readSetting } from '../settings/settings.ts';
import { resolveSubject } from '../subject/resolveSubject.ts';

/** Relative to the repository root, as the summary names them. */
export const BUDGET_FILES: Record<FormFactor, string> = {
  mobile: 'lighthouse/lighthouserc.mobile.json',
  desktop: 'lighthouse/lighthouserc.desktop.json',
};
export const DEFAULT_RUNS = 3;

export interface RunOptions {
  formFactors: FormFactor[];
  pages: LighthousePage[];
  /** Runs per page and form factor; null: each lighthouserc's numberOfRuns. */
  runs: number | null;
  keepRuns: boolean;
  /** A fixed port for the server; null: a free one. */
  port: number | null;
}

export function runOptions(): RunOptions {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      'form-factor': { type: 'string', multiple: true },
      page: { type: 'string', multiple: true },
      'keep-runs': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run lighthouse -- [--runs N] [--form-factor mobile|desktop]… [--page NAME]… [--keep-runs]\n(docs/lighthouse.md)');
    process.exit(0);
  }
  const formFactors = values['form-factor'] ?? [...FORM_FACTORS];
  for (const ff of formFactors) if (!isFormFactor(ff)) throw new Error(`--form-factor ${ff}: expected ${FORM_FACTORS.join(' or ')}`);
  // The site page imports the subject's module: a library crate builds none, so there is nothing on it to measure.
  const subject = resolveSubject();
  const noSitePage =
    subject.kind === 'library' ? `the site page loads the subject's module, and ${subject.name} is a library crate (no cdylib) that builds none` : null;
  const pages = values.page
    ? values.page.map((name) => PAGES.find((p) => p.name === name) ?? fail(`--page ${name}: known pages are ${PAGES.map((p) => p.name).join(', ')}`))
    : PAGES.filter((p) => !(noSitePage && p === SITE_PAGE));
  if (noSitePage && pages.includes(SITE_PAGE)) fail(`--page ${SITE_PAGE.name}: ${noSitePage}`);
  if (noSitePage) console.log(`lighthouse: not measuring ${SITE_PAGE.name}: ${noSitePage}`);
  const runs = values.runs === undefined ? (readSetting('lighthouseRuns') ?? null) : Number(values.runs);
  if (runs !== null && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs ${values.runs}: expected a positive integer`);
  const port = readSetting('lighthousePort') ?? null;
  return { formFactors: formFactors as FormFactor[], pages, runs, keepRuns: values['keep-runs'], port };
}

function fail(message: string): never {
  throw new Error(message);
}
