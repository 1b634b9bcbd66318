// `npm run lighthouse`: Lighthouse on a fresh build of the harness, served as in production, in the
// mobile and desktop form factors, several runs each (the median run kept), then the budgets, judged
// by Lighthouse CI's code. Writes <reports>/lighthouse/<page>-<form factor>.report.{html,json},
// summary.json and summary.md (docs/lighthouse.md). Exit status: 0 every error-level budget held,
// 1 one was missed, 2 something could not be measured (build, server, Chromium, Lighthouse),
// 130/143 interrupted.
//
//   npm run lighthouse -- [--runs N] [--form-factor mobile|desktop]… [--page NAME]… [--keep-runs]
//   WASM_COMPAT_LIGHTHOUSE_PORT=4195   a fixed port for the server it starts (default: a free one)
//   WASM_COMPAT_LIGHTHOUSE_RUNS=3      runs per page and form factor (default: the lighthouserc's numberOfRuns)
//   WASM_COMPAT_BASE_URL=https://…      measure a deployment instead of building and serving the harness
//   WASM_COMPAT_REPORTS_DIR=/tmp/r      the reports folder (default: reports/)
//   CHROME_PATH=/path/to/chrome         the browser (default: the suite's Chromium resolution)
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateReport } from 'lighthouse';
import type { Result } from 'lighthouse';
import { historyDir } from '../reporting/history.ts';
import { openReportFolder, type ReportFolder } from '../reporting/reportFolder.ts';
import { evaluateAssertions, missedErrors } from './assertions.ts';
import { chromiumForLighthouse } from './chromiumForLighthouse.ts';
import { chooseServer, externalServer, harnessBuildFolder, type LighthouseServer, startHarnessServer } from './harnessServer.ts';
import { LHCI_UTILS_VERSION } from './lhci.ts';
import type { Lhr } from './lhr.ts';
import { FORM_FACTORS, type FormFactor, isFormFactor } from './lighthouseConfig.ts';
import { type Lighthouserc, readLighthouserc } from './lighthouserc.ts';
import { killActiveChrome, lighthouseRun } from './lighthouseRun.ts';
import { acquireMachineLock, type MachineLock } from './machineLock.ts';
import { medianRun } from './medianRun.ts';
import { type LighthousePage, PAGES } from './pages.ts';
import { pageSummary, runFigures } from './summary.ts';
import { type BudgetAssertion, type FailedTarget, formatValue, type LighthouseSummary, type MeasuredTarget, missedLines, summaryMarkdown } from './summaryReport.ts';

/** Relative to the repository root, as the summary names them. */
export const BUDGET_FILES: Record<FormFactor, string> = {
  mobile: 'lighthouse/lighthouserc.mobile.json',
  desktop: 'lighthouse/lighthouserc.desktop.json',
};
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_RUNS = 3;
const REPORT_FOLDER = 'lighthouse';

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
  const portText = process.env.WASM_COMPAT_LIGHTHOUSE_PORT || null;
  const port = portText === null ? null : Number(portText);
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65_535)) throw new Error(`WASM_COMPAT_LIGHTHOUSE_PORT=${portText}: not a TCP port`);
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

async function measure(server: LighthouseServer, page: LighthousePage, formFactor: FormFactor, runs: number, chromium: ReturnType<typeof chromiumForLighthouse>): Promise<TargetRuns> {
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
  const opts = options();
  // Budgets first: a broken lighthouserc should fail in a second, not after minutes of runs.
  const budgets = Object.fromEntries(opts.formFactors.map((ff) => [ff, readLighthouserc(join(ROOT, BUDGET_FILES[ff]))])) as Record<FormFactor, Lighthouserc>;
  for (const ff of opts.formFactors) {
    if (budgets[ff].formFactor !== ff) throw new Error(`${BUDGET_FILES[ff]}: its ci.collect.settings say ${budgets[ff].formFactor}, not ${ff}`);
  }
  const chromium = chromiumForLighthouse();

  // What served the page, for the summary; `running` until it is stopped.
  let server: LighthouseServer | null = null;
  let running: LighthouseServer | null = null;
  // The run's build of the harness, in a temporary folder removed on every way out.
  let build: ReturnType<typeof harnessBuildFolder> | null = null;
  let folder: ReportFolder | null = null;
  const stopServer = async () => {
    const stopping = running;
    running = null;
    await stopping?.stop().catch((error: Error) => log(`stopping the ${stopping.kind} server: ${error.message}`));
  };
  const cleanUp = async () => {
    killActiveChrome();
    await stopServer();
    build?.remove();
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
    if (base) {
      server = externalServer(base);
    } else {
      const choice = chooseServer();
      build = harnessBuildFolder();
      log(`server: ${choice.kind} (${choice.reason}); building the harness first`);
      server = await startHarnessServer(build.path, choice, opts.port, log);
    }
    running = server;
    log(`measuring ${server.baseUrl} (${server.description}) with ${chromium.binary} (${chromium.source})`);
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
    await stopServer();
    build?.remove();
  }
  const loadAtEnd = loadavg();

  // The median of each target, its reports, and the budgets over all of a form factor's runs.
  folder = openReportFolder(REPORT_FOLDER);
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
    for (const a of evaluateAssertions(budgets[target.formFactor].assert, lhrs)) assertions.push({ ...a, page: target.page.name, formFactor: target.formFactor });
  }

  const missed = missedErrors(assertions);
  const summary: LighthouseSummary = {
    schema: 2,
    generatedAt: new Date().toISOString(),
    ok: failures.length === 0 && missed.length === 0,
    lighthouseVersion: results[0]?.lighthouseVersion ?? null,
    chromium: { binary: chromium.binary, source: chromium.source, flags: chromium.flags, userAgent: results[0]?.userAgent ?? null },
    server: server ? { kind: server.kind, description: server.description, reason: server.reason, baseUrl: server.baseUrl } : { kind: 'none', description: 'no server', reason: 'it could not be built or started (see failures)', baseUrl: '' },
    machine: { cpus: cpus().length, loadAverage: { start: loadAtStart.map((x) => Math.round(x * 100) / 100), end: loadAtEnd.map((x) => Math.round(x * 100) / 100) } },
    runsPerTarget: opts.runs ?? budgets[opts.formFactors[0]!]?.numberOfRuns ?? DEFAULT_RUNS,
    results,
    failures,
    budgets: {
      files: Object.fromEntries(opts.formFactors.map((ff) => [ff, BUDGET_FILES[ff]])),
      judgedBy: `@lhci/utils ${LHCI_UTILS_VERSION} (getAllAssertionResults)`,
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
    const path = folder.path;
    const archived = existsSync(path) ? `; the previous set moved to ${historyDir()}/` : '';
    folder.commit();
    folder = null;
    console.log(`\n${markdown}`);
    log(`reports written to ${path}/ (summary.md, summary.json, ${results.length * 2} reports)${archived}`);
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
