// `npm run lighthouse`: Lighthouse on a fresh build of the harness, served as in production, in the
// mobile and desktop form factors, several runs each (the median run kept), then the budgets, judged
// by Lighthouse CI's code. Writes <reports>/lighthouse/<page>-<form factor>.report.{html,json},
// summary.json and summary.md (docs/lighthouse.md). Exit status: 0 every error-level budget of the
// pages that gate held, 1 one was missed, 2 something could not be measured (build, server, Chromium, Lighthouse),
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
import { historyDir } from '../reporting/history.ts';
import { openReportSet, type ReportSet } from '../reporting/reportSet.ts';
import { evaluateAssertions, missedErrors } from './assertions.ts';
import { chromiumForLighthouse } from './chromiumForLighthouse.ts';
import { chooseServer, externalServer, harnessBuildFolder, type LighthouseServer, startHarnessServer } from './harnessServer.ts';
import { LHCI_UTILS_VERSION } from './lhci.ts';
import type { FormFactor } from './lighthouseConfig.ts';
import { type Lighthouserc, readLighthouserc } from './lighthouserc.ts';
import { describeLighthouse, lighthouseRuntime } from './lighthouseRuntime.ts';
import { killActiveChrome } from './lighthouseRun.ts';
import { acquireMachineLock, type MachineLock } from './machineLock.ts';
import { measure, type TargetRuns } from './measure.ts';
import { medianRun } from './medianRun.ts';
import type { LighthousePage } from './pages.ts';
import { BUDGET_FILES, DEFAULT_RUNS, runOptions } from './runOptions.ts';
import { pageSummary, runFigures } from './summary.ts';
import { readSuiteThrottling } from './suiteThrottling.ts';
import { type BudgetAssertion, type FailedTarget, type LighthouseSummary, type MeasuredTarget, missedLines, summaryMarkdown } from './summaryReport.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { outsideVariable } from '../settings/environment.ts';
import { readSetting } from '../settings/settings.ts';
import { appendToHistory } from '../trends/appendToHistory.ts';
import { chromiumVersion, lighthouseRecord } from './lighthouseHistory.ts';

const REPORT_FOLDER = 'lighthouse';

const log = (line: string) => console.log(`lighthouse: ${line}`);
// Module-level so every way out (return, throw, signal) releases it.
let lock: MachineLock | null = null;

const reportName = (page: LighthousePage, formFactor: FormFactor) => `${page.name}-${formFactor}`;

async function main(): Promise<number> {
  const opts = runOptions();
  // Budgets first: a broken lighthouserc should fail in a second, not after minutes of runs.
  const budgetOf = (ff: FormFactor): [FormFactor, Lighthouserc] => [ff, readLighthouserc(join(PROJECT_ROOT, BUDGET_FILES[ff]))];
  const budgets = Object.fromEntries(opts.formFactors.map(budgetOf)) as Record<FormFactor, Lighthouserc>;
  for (const ff of opts.formFactors) {
    if (budgets[ff].formFactor !== ff) throw new Error(`${BUDGET_FILES[ff]}: its ci.collect.settings say ${budgets[ff].formFactor}, not ${ff}`);
  }
  const chromium = chromiumForLighthouse();
  const lighthouse = lighthouseRuntime();

  // What served the page, for the summary; `running` until it is stopped.
  let server: LighthouseServer | null = null;
  let running: LighthouseServer | null = null;
  // The run's build of the harness, in a temporary folder removed on every way out.
  let build: ReturnType<typeof harnessBuildFolder> | null = null;
  let folder: ReportSet | null = null;
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
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanUp().finally(() => process.exit(code));
    });
  }

  lock = await acquireMachineLock(log);
  const loadAtStart = loadavg();
  if (loadAtStart[0]! > cpus().length)
    log(`note: load average ${loadAtStart[0]!.toFixed(2)} on ${cpus().length} CPUs; other work on this machine inflates the timings`);
  const measured: TargetRuns[] = [];
  const failures: FailedTarget[] = [];
  try {
    const base = readSetting('baseUrl');
    if (base) {
      server = externalServer(base);
    } else {
      const choice = chooseServer();
      build = harnessBuildFolder();
      log(`server: ${choice.kind} (${choice.reason}); building the harness first`);
      server = await startHarnessServer(build.path, choice, opts.port, log);
    }
    running = server;
    log(`measuring ${server.baseUrl} (${server.description}) with ${chromium.binary} (${chromium.source}); ${describeLighthouse(lighthouse)}`);
    for (const page of opts.pages) {
      for (const formFactor of opts.formFactors) {
        const runs = opts.runs ?? budgets[formFactor].numberOfRuns ?? DEFAULT_RUNS;
        try {
          measured.push(await measure(server, page, formFactor, runs, { chromium, log }));
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
  folder = openReportSet(REPORT_FOLDER);
  const results: MeasuredTarget[] = [];
  const assertions: BudgetAssertion[] = [];
  for (const target of measured) {
    const lhrs = target.lhrs;
    let choice;
    try {
      choice = medianRun(lhrs);
    } catch (error) {
      failures.push({ page: target.page.name, formFactor: target.formFactor, error: (error as Error).message });
      continue;
    }
    const name = reportName(target.page, target.formFactor);
    const medianLhr = target.lhrs[choice.index]!;
    folder.write(`${name}.report.html`, target.htmlReports[choice.index]!);
    folder.write(`${name}.report.json`, `${JSON.stringify(medianLhr, null, 2)}\n`);
    if (opts.keepRuns) {
      target.lhrs.forEach((lhr, i) => {
        folder!.write(`runs/${name}-run${i + 1}.report.json`, `${JSON.stringify(lhr, null, 2)}\n`);
      });
    }
    results.push({
      ...pageSummary(target.page, choice.median),
      reports: { html: `${name}.report.html`, json: `${name}.report.json` },
      medianRun: choice.index,
      validRuns: choice.validRuns,
      runs: lhrs.map((lhr, i) => ({ ...runFigures(lhr), loadAverage: target.loadAverages[i]! })),
      failedRuns: target.failedRuns,
    });
    for (const a of evaluateAssertions(budgets[target.formFactor].assert, lhrs))
      assertions.push({ ...a, page: target.page.name, formFactor: target.formFactor, gates: target.page.gates });
  }

  // Only the pages that gate can fail the run; the probes page's misses are reported (pages.ts).
  const missed = missedErrors(assertions.filter((a) => a.gates));
  const summary: LighthouseSummary = {
    schema: 4,
    generatedAt: new Date().toISOString(),
    ok: failures.length === 0 && missed.length === 0,
    lighthouseVersion: results[0]?.lighthouseVersion ?? null,
    lighthouse: { ...lighthouse, description: describeLighthouse(lighthouse) },
    chromium: { binary: chromium.binary, source: chromium.source, flags: chromium.flags, userAgent: results[0]?.userAgent ?? null },
    server: server
      ? { kind: server.kind, description: server.description, reason: server.reason, baseUrl: server.baseUrl }
      : { kind: 'none', description: 'no server', reason: 'it could not be built or started (see failures)', baseUrl: '' },
    machine: {
      cpus: cpus().length,
      loadAverage: { start: loadAtStart.map((x) => Math.round(x * 100) / 100), end: loadAtEnd.map((x) => Math.round(x * 100) / 100) },
    },
    runsPerTarget: opts.runs ?? budgets[opts.formFactors[0]!]?.numberOfRuns ?? DEFAULT_RUNS,
    pages: opts.pages,
    suiteThrottling: readSuiteThrottling(),
    results,
    failures,
    budgets: {
      files: Object.fromEntries(opts.formFactors.map((ff) => [ff, BUDGET_FILES[ff]])),
      judgedBy: `@lhci/utils ${LHCI_UTILS_VERSION} (getAllAssertionResults)`,
      passed: missed.length === 0,
      missedErrors: missedLines(assertions, 'error'),
      missedNotGating: missedLines(assertions, 'error', false),
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
    log(appendToHistory(lighthouseRecord(summary.generatedAt, chromiumVersion(results[0]?.userAgent ?? null), results)));
  } else {
    folder.discard();
    folder = null;
    log('nothing measured: the previous reports are left as they were');
  }
  lock.release();
  lock = null;

  for (const f of failures) console.error(`lighthouse: NOT MEASURED ${f.page} ${f.formFactor}: ${f.error}`);
  for (const line of summary.budgets.missedWarnings) console.error(`lighthouse: warning: ${line}`);
  for (const line of summary.budgets.missedNotGating) console.error(`lighthouse: reported (the page does not gate): ${line}`);
  for (const line of summary.budgets.missedErrors) console.error(`lighthouse: BUDGET ${line}`);
  if (failures.length) return 2;
  if (missed.length) return 1;
  log(
    `all ${assertions.filter((a) => a.level === 'error' && a.gates).length} error-level budgets of the pages that gate hold${summary.budgets.missedWarnings.length ? ` (${summary.budgets.missedWarnings.length} warning(s) above)` : ''}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    lock?.release();
    // Usage and budget-file mistakes are messages, not crashes; LIGHTHOUSE_DEBUG=1 shows the stack.
    console.error(`lighthouse: ${outsideVariable('LIGHTHOUSE_DEBUG') ? (error.stack ?? error.message) : error.message}`);
    process.exit(2);
  },
);
