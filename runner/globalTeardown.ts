// After a run: the tests' saved records (runner/testRecord.ts) become <reports>/compat.json
// (compatReport.ts says what it holds), written whole after the previous one moved to the history,
// with its JSON Schema beside it (compatJsonSchema.ts), and then the run gate (runGate.ts) fails the run if nothing ran or a required project did not.
// A global teardown, not a reporter: a user's `--reporter` replaces the config's reporters, and
// neither the run's answer nor its gate may go with them. A run that joins another
// (WASM_COMPAT_JOIN_RUN: the Appium run of `npm run compat`) adds its projects to that run's file.
import { relative } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { archive } from '../reporting/history.ts';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import { resolveTarget } from '../serving/targets/plan.ts';
import type { TargetRecord } from '../serving/targets/target.ts';
import { resolveSubject } from '../subject/resolveSubject.ts';
import { writeCompatJsonSchema } from './compatJsonSchema.ts';
import { COMPAT_SCHEMA_VERSION } from './compatSchema.ts';
import { addTestResult, type CompatReport, emptyProject, type ProjectReport, projectTarget, verdictOrder } from './compatReport.ts';
import { currentRun, endRun, readJoinedRun, reportRunId } from './currentRun.ts';
import { readSetting } from '../settings/settings.ts';
import { htmlReportFolder } from './htmlReportFolder.ts';
import { requiredProjects, runGate } from './runGate.ts';
import { checkCompatReport } from './readCompat.ts';
import { notRunReason, savedResult, savedTests, type SavedTest } from './testRecord.ts';
import { projectRequirements, subjectReport } from './subjectReport.ts';
import { targetUrl } from './targetUrls.ts';
import { reportRank } from './projects.ts';
import { handedOff } from './handOff.ts';

/** Each project's report from the saved tests, in the order they started. */
export function foldProjects(saved: SavedTest[]): Map<string, ProjectReport> {
  const projects = new Map<string, ProjectReport>();
  for (const s of saved) {
    if (!projects.has(s.project)) projects.set(s.project, emptyProject());
    addTestResult(projects.get(s.project)!, { annotations: [], id: s.testId }, savedResult(s));
  }
  return projects;
}

/** Why the run must fail (runGate.ts), from what the saved tests say ran. */
export function gateOf(config: Pick<FullConfig, 'projects'>, saved: SavedTest[]): string | null {
  const ran = new Set(saved.filter((s) => s.status !== 'skipped').map((s) => s.project));
  const notRun = new Map<string, string>();
  for (const s of saved) {
    const reason = s.status === 'skipped' ? notRunReason({ annotations: [] }, s) : null;
    if (reason) notRun.set(s.project, reason);
  }
  const configured = config.projects.map((p) => p.name);
  const selected = [...new Set(saved.map((s) => s.project))];
  return runGate(configured, ran, notRun, requiredProjects(), selected.length ? selected : configured);
}

/** Writes compat.json and its schema; returns why the file as written would be refused by its readers, or null. */
function writeCompatJson(config: FullConfig, saved: SavedTest[], runId: string): string | null {
  const outputFile = reportPath('compat.json');
  const joined = readSetting('joinRun') ? readJoinedRun(outputFile, runId) : null;
  const html = htmlReportFolder(config);
  const htmlReport = html ? { htmlReport: relative(reportPath(), html) } : {};
  const subject = subjectReport(resolveSubject());
  const targets = new Map(
    config.projects.flatMap((p) => ((p.use as { target?: TargetRecord }).target ? [[p.name, (p.use as { target: TargetRecord }).target] as const] : [])),
  );
  // In the registry's order, whichever worker finished first and whatever order the projects ran in: the matrix's columns follow it.
  const order = reportRank(config.projects.map((p) => p.name));
  const projects = [...foldProjects(saved)]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([name, p]): [string, ProjectReport] => {
      const target = targets.get(name);
      // The global setup published where each target answered.
      return [
        name,
        {
          ...p,
          target: target ? projectTarget(target, targetUrl(target.name)) : null,
          probes: p.probes.sort(verdictOrder),
          requirements: projectRequirements(subject, p.probes),
          ...htmlReport,
        },
      ];
    });
  const primary = resolveTarget();
  const report: CompatReport = {
    schema: COMPAT_SCHEMA_VERSION,
    runId,
    // A run that joins another's file (the Appium run of npm run compat) keeps when that run began.
    ...((joined?.startedAt ?? handedOff().startedAt) ? { startedAt: joined?.startedAt ?? handedOff().startedAt } : {}),
    generatedAt: new Date().toISOString(),
    target: primary.name,
    targetIsolation: primary.isolation,
    playwright: config.version,
    host: { platform: process.platform, arch: process.arch },
    subject,
    projects: { ...(joined?.projects ?? {}), ...Object.fromEntries(projects) },
  };
  archive(outputFile, 'compat', '.json');
  writeJsonAtomic(outputFile, report);
  writeCompatJsonSchema();
  // Its types are the schema's, but the records it folds were JSON (the tests' attachments): a file
  // the readers would refuse fails the run, naming the field, rather than later in the matrix.
  const { problem } = checkCompatReport(report);
  return problem === null ? null : `${outputFile} as written does not match runner/compatSchema.ts: ${problem}`;
}

export default async function globalTeardown(config: FullConfig): Promise<void> {
  const run = currentRun();
  const runId = reportRunId();
  // The global setup failed before the run began (its error is the report): nothing to write.
  if (!run || !runId) return;
  const saved = savedTests(run);
  const unfinished = saved.filter((s) => s.status === 'running');
  if (unfinished.length)
    console.error(
      `wasm-compat: ${unfinished.length} test(s) did not finish (their worker ended first), counted as failed: ${unfinished.map((s) => `${s.project}: ${s.title}`).join('; ')}`,
    );
  const unreadable = writeCompatJson(config, saved, runId);
  endRun(run);
  const problem = [unreadable, gateOf(config, saved)].filter((p) => p !== null).join('; ');
  if (problem) throw new Error(`wasm-compat: the run fails: ${problem}`);
}
