// `npm run lighthouse`: Lighthouse on the built harness, served as in production, in the mobile and
// desktop form factors, several runs each (the median run kept), then the budgets. Writes
// reports/lighthouse/<page>-<form factor>.report.{html,json}, summary.json and summary.md
// (docs/lighthouse.md). Exit status: 0 every budget held, 1 an error-level budget was missed,
// 2 something could not be measured (server, Chromium, Lighthouse), 130/143 interrupted.
//
//   npm run lighthouse -- [--runs N] [--form-factor mobile|desktop]… [--page NAME]… [--keep-runs]
//   WASM_COMPAT_LIGHTHOUSE_PORT=4195   the port of the server it starts (127.0.0.1)
//   WASM_COMPAT_LIGHTHOUSE_RUNS=3      runs per page and form factor (default: the lighthouserc's numberOfRuns)
//   WASM_COMPAT_BASE_URL=https://…      measure a deployment instead of starting a server
//   CHROME_PATH=/path/to/chrome         the browser (default: the suite's Chromium resolution)
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateReport } from 'lighthouse';
import type { Result } from 'lighthouse';
import { evaluateAssertions, formatValue, missedErrors } from './assertions.ts';
import { chromiumForLighthouse } from './chromiumForLighthouse.ts';
import type { Lhr } from './lhr.ts';
import { FORM_FACTORS, type FormFactor, isFormFactor } from './lighthouseConfig.ts';
import { type Lighthouserc, readLighthouserc } from './lighthouserc.ts';
import { killActiveChrome, lighthouseRun } from './lighthouseRun.ts';
import { acquireMachineLock, type MachineLock } from './machineLock.ts';
import { medianRun } from './medianRun.ts';
import { type LighthousePage, PAGES } from './pages.ts';
import { externalServer, type RunningServer, startProductionServer } from './productionServer.ts';
import { LIGHTHOUSE_DIR, openReportFolder, type ReportFolder } from './reportFolder.ts';
import { pageSummary, runFigures } from './summary.ts';
import { type BudgetAssertion, type FailedTarget, type LighthouseSummary, type MeasuredTarget, missedLines, summaryMarkdown } from './summaryReport.ts';

export const BUDGET_FILES: Record<FormFactor, string> = {
  mobile: 'lighthouse/lighthouserc.mobile.json',
  desktop: 'lighthouse/lighthouserc.desktop.json',
};
const DEFAULT_RUNS = 3;
const DEFAULT_PORT = 4195; // clear of the suite's own servers on 4173–4190

const log = (line: string) => console.log(`lighthouse: ${line}`);
// Module-level so every way out (return, throw, signal) releases it.
let lock: MachineLock | null = null;

function options() {
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
  const pages = values.page ? values.page.map((name) => PAGES.find((p) => p.name === name) ?? fail(`--page ${name}: known pages are ${PAGES.map((p) => p.name).join(', ')}`)) : [...PAGES];
  const runsText = values.runs ?? process.env.WASM_COMPAT_LIGHTHOUSE_RUNS;
  const runs = runsText === undefined ? null : Number(runsText);
  if (runs !== null && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs ${runsText}: expected a positive integer`);
  const port = Number(process.env.WASM_COMPAT_LIGHTHOUSE_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`WASM_COMPAT_LIGHTHOUSE_PORT=${process.env.WASM_COMPAT_LIGHTHOUSE_PORT}: not a TCP port`);
  return { formFactors: formFactors as FormFactor[], pages, runs, keepRuns: values['keep-runs'], port };
}

function fail(message: string): never {
  throw new Error(message);
}

const reportName = (page: LighthousePage, formFactor: FormFactor) => `${page.name}-${formFactor}`;

interface TargetRuns {
  page: LighthousePage;
  formFactor: FormFactor;
  lhrs: Result[];
  loadAverages: number[][];
  /** Runs that threw (Chromium crashed, the protocol timed out): reported, and the others still count. */
  failedRuns: string[];
}

async function measure(server: RunningServer, page: LighthousePage, formFactor: FormFactor, runs: number, chromium: ReturnType<typeof chromiumForLighthouse>): Promise<TargetRuns> {
  const url = new URL(page.path, server.baseUrl).href;
  const target: TargetRuns = { page, formFactor, lhrs: [], loadAverages: [], failedRuns: [] };
  for (let i = 1; i <= runs; i++) {
    const load = loadavg().map((x) => Math.round(x * 100) / 100);
    let lhr: Result;
    try {
      lhr = await lighthouseRun(url, formFactor, chromium);
    } catch (error) {
      target.failedRuns.push(`run ${i}: ${(error as Error).message}`);
      log(`${page.name} ${formFactor} run ${i}/${runs}: FAILED: ${(error as Error).message}`);
      continue;
    }
    target.lhrs.push(lhr);
    target.loadAverages.push(load);
    const f = runFigures(lhr as unknown as Lhr);
    log(
      `${page.name} ${formFactor} run ${i}/${runs}: ${f.runtimeError ?? `performance ${f.performance === null ? '–' : Math.round(f.performance * 100)}, FCP ${formatValue(f.fcpMs, 'millisecond')}, LCP ${formatValue(f.lcpMs, 'millisecond')}, TBT ${formatValue(f.tbtMs, 'millisecond')}, CLS ${formatValue(f.cls, 'unitless')}`} (load ${load[0]})`,
    );
  }
  if (!target.lhrs.length) throw new Error(`every run failed (${target.failedRuns.join('; ')})`);
  return target;
}

async function main(): Promise<number> {
  // The budget files, the server scripts and reports/ are all relative to the repository root.
  process.chdir(fileURLToPath(new URL('../../', import.meta.url)));
  const opts = options();
  // Budgets first: a broken lighthouserc should fail in a second, not after minutes of runs.
  const budgets = Object.fromEntries(opts.formFactors.map((ff) => [ff, readLighthouserc(BUDGET_FILES[ff])])) as Record<FormFactor, Lighthouserc>;
  for (const ff of opts.formFactors) {
    if (budgets[ff].formFactor !== ff) throw new Error(`${BUDGET_FILES[ff]}: its ci.collect.settings say ${budgets[ff].formFactor}, not ${ff}`);
  }
  const chromium = chromiumForLighthouse();

  let server: RunningServer | null = null;
  let folder: ReportFolder | null = null;
  const cleanUp = async () => {
    killActiveChrome();
    await server?.stop();
    folder?.discard();
    lock?.release();
  };
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanUp().finally(() => process.exit(code));
    });
  }

  lock = await acquireMachineLock(log);
  const loadAtStart = loadavg();
  if (loadAtStart[0]! > cpus().length) log(`note: load average ${loadAtStart[0]!.toFixed(2)} on ${cpus().length} CPUs; other work on this machine inflates the timings`);
  const measured: TargetRuns[] = [];
  const failures: FailedTarget[] = [];
  try {
    const base = process.env.WASM_COMPAT_BASE_URL;
    server = base ? externalServer(base) : await startProductionServer(process.cwd(), opts.port, log);
    log(`measuring ${server.baseUrl} with ${chromium.binary} (${chromium.source})`);
    for (const page of opts.pages) {
      for (const formFactor of opts.formFactors) {
        const runs = opts.runs ?? budgets[formFactor].numberOfRuns ?? DEFAULT_RUNS;
        try {
          measured.push(await measure(server, page, formFactor, runs, chromium));
        } catch (error) {
          failures.push({ page: page.name, formFactor, error: (error as Error).message });
          log(`${page.name} ${formFactor}: FAILED: ${(error as Error).message}`);
        }
      }
    }
  } catch (error) {
    failures.push({ page: '*', formFactor: '*', error: (error as Error).message });
    log(`FAILED: ${(error as Error).message}`);
  } finally {
    await server?.stop();
  }
  const loadAtEnd = loadavg();

  // The median of each target, its reports, and the budgets over all of a form factor's runs.
  folder = openReportFolder();
  const results: MeasuredTarget[] = [];
  const assertions: BudgetAssertion[] = [];
  for (const target of measured) {
    const lhrs = target.lhrs as unknown as Lhr[];
    let choice;
    try {
      choice = medianRun(lhrs);
    } catch (error) {
      failures.push({ page: target.page.name, formFactor: target.formFactor, error: (error as Error).message });
      continue;
    }
    const name = reportName(target.page, target.formFactor);
    const medianLhr = target.lhrs[choice.index]!;
    folder.write(`${name}.report.html`, generateReport(medianLhr, 'html'));
    folder.write(`${name}.report.json`, `${JSON.stringify(medianLhr, null, 2)}\n`);
    if (opts.keepRuns) target.lhrs.forEach((lhr, i) => folder!.write(`runs/${name}-run${i + 1}.report.json`, `${JSON.stringify(lhr, null, 2)}\n`));
    results.push({
      ...pageSummary(target.page.name, choice.median),
      reports: { html: `${name}.report.html`, json: `${name}.report.json` },
      medianRun: choice.index,
      validRuns: choice.validRuns,
      runs: lhrs.map((lhr, i) => ({ ...runFigures(lhr), loadAverage: target.loadAverages[i]! })),
      failedRuns: target.failedRuns,
    });
    const pickMedian = (runs: Lhr[]) => medianRun(runs).median;
    for (const a of evaluateAssertions(budgets[target.formFactor].assert, lhrs, pickMedian)) assertions.push({ ...a, page: target.page.name, formFactor: target.formFactor });
  }

  const missed = missedErrors(assertions);
  const summary: LighthouseSummary = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    ok: failures.length === 0 && missed.length === 0,
    lighthouseVersion: results[0]?.lighthouseVersion ?? null,
    chromium: { binary: chromium.binary, source: chromium.source, flags: chromium.flags, userAgent: results[0]?.userAgent ?? null },
    server: server ? { kind: server.kind, command: server.command, reason: server.reason, baseUrl: server.baseUrl } : { kind: 'none', command: null, reason: 'no server started', baseUrl: '' },
    machine: { cpus: cpus().length, loadAverage: { start: loadAtStart.map((x) => Math.round(x * 100) / 100), end: loadAtEnd.map((x) => Math.round(x * 100) / 100) } },
    runsPerTarget: opts.runs ?? budgets[opts.formFactors[0]!]?.numberOfRuns ?? DEFAULT_RUNS,
    results,
    failures,
    budgets: {
      files: Object.fromEntries(opts.formFactors.map((ff) => [ff, BUDGET_FILES[ff]])),
      passed: missed.length === 0,
      missedErrors: missedLines(assertions, 'error'),
      missedWarnings: missedLines(assertions, 'warn'),
      assertions,
    },
  };
  if (results.length) {
    const markdown = summaryMarkdown(summary);
    folder.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    folder.write('summary.md', markdown);
    folder.commit();
    folder = null;
    console.log(`\n${markdown}`);
    log(`reports written to ${LIGHTHOUSE_DIR}/ (summary.md, summary.json, ${results.length * 2} reports); the previous set is in reports/history/`);
  } else {
    folder.discard();
    folder = null;
    log('nothing measured: the previous reports are left as they were');
  }
  lock.release();
  lock = null;

  for (const f of failures) console.error(`lighthouse: NOT MEASURED ${f.page} ${f.formFactor}: ${f.error}`);
  for (const line of summary.budgets.missedWarnings) console.error(`lighthouse: warning: ${line}`);
  for (const line of summary.budgets.missedErrors) console.error(`lighthouse: BUDGET ${line}`);
  if (failures.length) return 2;
  if (missed.length) return 1;
  log(`all ${assertions.filter((a) => a.level === 'error').length} error-level budgets hold${summary.budgets.missedWarnings.length ? ` (${summary.budgets.missedWarnings.length} warning(s) above)` : ''}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    lock?.release();
    // Usage and budget-file mistakes are messages, not crashes; LIGHTHOUSE_DEBUG=1 shows the stack.
    console.error(`lighthouse: ${process.env.LIGHTHOUSE_DEBUG ? (error.stack ?? error.message) : error.message}`);
    process.exit(2);
  },
);
