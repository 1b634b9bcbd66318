// <reports>/compat.json, the suite's answer: per project, the target it ran against (preview,
// nginx and its isolation variants, a deployment's URL), the engine that ran it (name, version,
// binary, how it was reached, whether the device is emulated) or why it did not run, every probe's
// verdict, the Node-side serving checks, and the features in the shape of the WebAssembly
// website's features.json (name -> supported). Plain data and the functions that fold test
// results into it; the global teardown (globalTeardown.ts) writes it.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { Finding } from '../deploy/headerRules.ts';
import type { TargetRecord } from '../serving/targets/target.ts';
import type { EngineInfo } from './drivers/driver.ts';
import type { ProbeVerdict } from './expectations/verdict.ts';
import type { ProjectRequirementCheck } from './expectations/requirements.ts';
import type { SubjectReport } from './subjectReport.ts';
import { notRunReason, readEngine, readFindings, readRustTest, readSession, readVerdicts, type RustTestRecord, type SessionTiming } from './testRecord.ts';

/** Which target a project ran against (serving/targets/), and where it answered. */
export interface ProjectTarget {
  name: string;
  kind: string;
  description: string;
  harnessUrl: string | null;
  isolation: string;
}

export interface ProjectReport {
  status: 'ran' | 'not-run';
  target: ProjectTarget | null;
  /** The Node-side serving checks (tests/specs/serving.spec.ts): counts, and every finding. */
  serving: { passed: number; failed: number; findings: Finding[] } | null;
  reason?: string;
  engine: EngineInfo | null;
  tests: { passed: number; failed: number; skipped: number };
  summary: Record<ProbeVerdict['status'], number>;
  /** Each verdict with the Playwright test that reached it (testId: its id in the HTML report). */
  probes: Array<ProbeVerdict & { testId?: string }>;
  /** features.json shape: feature name -> supported (validates and computes correctly). */
  features: Record<string, boolean>;
  /** Whether this engine runs the subject's module, from its own feature probes (null: it ran none). */
  requirements?: ProjectRequirementCheck | null;
  /** The subject's #[wasm_bindgen_test] tests as they ran in this engine. */
  rustTests?: Array<RustTestRecord & { testId?: string }>;
  /** The Playwright HTML report that holds this project's tests, relative to the reports folder. */
  htmlReport?: string;
  /** Where its worker's time went before the tests (npm run bench:suite reads it); the tests' own times are in the HTML and JUnit reports. */
  session?: SessionTiming;
}

export interface CompatReport {
  schema: 1;
  /** The run that wrote it (runner/currentRun.ts): the matrix and a joining run check it, so no earlier run's file passes as this one's. */
  runId?: string;
  generatedAt: string;
  /** The default target (the five plain projects); each project names its own in `projects[name].target`. */
  target: string;
  targetIsolation: string;
  playwright: string;
  /** The machine the runner ran on (Node's names: linux, darwin, win32; x64, arm64). */
  host?: { platform: string; arch: string };
  /** The crate the run tested, its build, and what its module needs. */
  subject?: SubjectReport;
  projects: Record<string, ProjectReport>;
}

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
export function addTestResult(project: ProjectReport, test: Pick<TestCase, 'annotations'> & Partial<Pick<TestCase, 'id'>>, result: Pick<TestResult, 'status' | 'annotations' | 'attachments'>): void {
  const testId = test.id ? { testId: test.id } : {};
  const rust = readRustTest(result);
  if (rust) (project.rustTests ??= []).push({ ...rust, ...testId });
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
  for (const v of readVerdicts(result)) {
    if (project.probes.some((p) => p.id === v.id)) continue;
    project.probes.push({ ...v, ...testId });
    project.summary[v.status]++;
    if (v.featuresJson) project.features[v.featuresJson] = v.actual === 'pass';
  }
}
