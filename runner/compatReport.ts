// <reports>/compat.json, the suite's answer: per project, the target it ran against (preview,
// nginx and its isolation variants, a deployment's URL), the engine that ran it (name, version,
// binary, how it was reached, whether the device is emulated) or why it did not run, every probe's
// verdict, the Node-side serving checks, and the features in the shape of the WebAssembly
// website's features.json (name -> supported). The functions that fold test results into it; its
// shape is compatSchema.ts's, and the global teardown (globalTeardown.ts) writes it.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { TargetRecord } from '../serving/targets/target.ts';
import type { ProbeVerdict, ProjectReport, ProjectTarget } from './compatSchema.ts';
import { verdictKey } from './expectations/verdict.ts';
import { notRunReason, readEngine, readFindings, readProbesNotRun, readRustTests, readSession, readVerdicts } from './testRecord.ts';

export type { CompatReport, ProjectReport, ProjectTarget } from './compatSchema.ts';

export function emptyProject(target: ProjectTarget | null = null): ProjectReport {
  return {
    status: 'ran',
    target,
    serving: null,
    engine: null,
    tests: { passed: 0, failed: 0, skipped: 0 },
    summary: { pass: 0, fail: 0, 'unsupported-as-expected': 0, 'unsupported-unexpectedly': 0, info: 0 },
    probes: [],
    features: {},
  };
}

/** A project's target from its options (runner/projects.ts sets them) and where it answered. */
export function projectTarget(target: TargetRecord, harnessUrl: string | null): ProjectTarget {
  return { name: target.name, kind: target.kind, description: target.description, harnessUrl, isolation: target.isolation };
}

/** Folds one test's outcome into its project's report. */
export function addTestResult(
  project: ProjectReport,
  test: Pick<TestCase, 'annotations'> & Partial<Pick<TestCase, 'id'>>,
  result: Pick<TestResult, 'status' | 'annotations' | 'attachments'>,
): void {
  const testId = test.id ? { testId: test.id } : {};
  for (const rust of readRustTests(result)) (project.rustTests ??= []).push({ ...rust, ...testId });
  if (result.status === 'skipped') {
    project.tests.skipped++;
    const reason = notRunReason(test, result);
    if (reason !== null) {
      project.status = 'not-run';
      project.reason = reason;
    }
    return;
  }
  if (result.status === 'passed') project.tests.passed++;
  else project.tests.failed++;
  project.engine ??= readEngine(result);
  project.session ??= readSession(result) ?? undefined;
  const findings = readFindings(result);
  if (findings && !project.serving) project.serving = { passed: findings.filter((f) => f.ok).length, failed: findings.filter((f) => !f.ok).length, findings };
  for (const v of readVerdicts(result)) addVerdict(project, { ...v, ...testId });
  for (const n of readProbesNotRun(result)) {
    if (project.probesNotRun?.some((p) => p.id === n.id)) continue;
    (project.probesNotRun ??= []).push({ ...n, ...testId });
  }
}

/** Folds one probe verdict into its project's report: its summary count and features.json's shape with it; a verdict it already has (same probe and context) is kept, not counted twice. */
export function addVerdict(project: ProjectReport, v: ProjectReport['probes'][number]): void {
  if (project.probes.some((p) => verdictKey(p) === verdictKey(v))) return;
  project.probes.push(v);
  project.summary[v.status]++;
  // features.json's shape is of the page's main thread; a worker's verdict has its own row in the matrix.
  if (v.featuresJson && !v.context) project.features[v.featuresJson] = v.actual === 'pass';
}

/** compat.json's order of a project's verdicts: by probe, the main thread before its worker contexts. */
export const verdictOrder = (a: Pick<ProbeVerdict, 'id' | 'context'>, b: Pick<ProbeVerdict, 'id' | 'context'>): number =>
  a.id.localeCompare(b.id) || (a.context ?? '').localeCompare(b.context ?? '');
