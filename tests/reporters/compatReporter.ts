// Writes reports/compat.json: per project, the target it ran against (preview, nginx and its
// isolation variants, a deployment's URL), the engine that ran it (name, version, binary, how it
// was reached, whether the device is emulated) or why it did not run, every probe's verdict, the
// Node-side serving checks, and the features in the shape of the WebAssembly website's
// features.json (name -> supported).
// The previous compat.json moves to reports/history/ first; the new one is written whole.
import { existsSync, readFileSync } from 'node:fs';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { writeJsonAtomic } from '../../scripts/lib/atomicWrite.ts';
import type { EngineInfo } from '../drivers/driver.ts';
import { FEATURES_JSON_KEY } from '../expectations/features.ts';
import type { Finding } from '../../harness/headerRules.ts';
import type { ProbeVerdict } from '../expectations/verdict.ts';
import { SERVING_ATTACHMENT } from '../serving/checkDeployment.ts';
import { archive } from './archiveReports.ts';

export interface CompatReporterOptions {
  outputFile: string;
  target: string;
  targetIsolation: string;
  /** Keep the other projects of the existing file (an Appium run joins the browser run's report). */
  merge?: boolean;
}

/** Which target a project ran against (tests/targets/), from the project's options. */
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
  probes: ProbeVerdict[];
  /** features.json shape: feature name -> supported (validates and computes correctly). */
  features: Record<string, boolean>;
}

export interface CompatReport {
  schema: 1;
  generatedAt: string;
  /** The default target (the five plain projects); each project names its own in `projects[name].target`. */
  target: string;
  targetIsolation: string;
  playwright: string;
  projects: Record<string, ProjectReport>;
}

function attachmentJson<T>(result: TestResult, name: string): T | null {
  const a = result.attachments.find((x) => x.name === name);
  if (!a) return null;
  const text = a.body ? a.body.toString('utf8') : a.path ? readFileSync(a.path, 'utf8') : null;
  return text ? (JSON.parse(text) as T) : null;
}

export function emptyProject(target: ProjectTarget | null = null): ProjectReport {
  return {
    status: 'ran',
    target,
    serving: null,
    engine: null,
    tests: { passed: 0, failed: 0, skipped: 0 },
    summary: { pass: 0, fail: 0, 'unsupported-as-expected': 0, 'unsupported-unexpectedly': 0 },
    probes: [],
    features: {},
  };
}

/** A project's target from its `use` options (playwright.config.ts sets them); a config that sets
 * none of them (an older one) ran against the run's default target. */
export function projectTarget(use: Record<string, unknown>, fallback: Pick<CompatReporterOptions, 'target' | 'targetIsolation'>): ProjectTarget {
  const target = use.target as Partial<ProjectTarget> | undefined;
  return {
    name: target?.name ?? fallback.target,
    kind: target?.kind ?? 'unknown',
    description: target?.description ?? fallback.target,
    harnessUrl: typeof use.harnessUrl === 'string' ? use.harnessUrl : null,
    isolation: typeof use.targetIsolation === 'string' ? use.targetIsolation : fallback.targetIsolation,
  };
}

/** Folds one test's outcome into its project's report (exported for the reporter's unit test). */
export function addTestResult(project: ProjectReport, test: Pick<TestCase, 'annotations'>, result: TestResult): void {
  if (result.status === 'skipped') {
    project.tests.skipped++;
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip');
    if (skip?.description?.startsWith('engine not found')) {
      project.status = 'not-run';
      project.reason = skip.description;
    }
    return;
  }
  if (result.status === 'passed') project.tests.passed++;
  else project.tests.failed++;
  project.engine ??= attachmentJson<EngineInfo>(result, 'wasm-compat-engine');
  const findings = attachmentJson<Finding[]>(result, SERVING_ATTACHMENT);
  if (findings && !project.serving) project.serving = { passed: findings.filter((f) => f.ok).length, failed: findings.filter((f) => !f.ok).length, findings };
  for (const v of attachmentJson<ProbeVerdict[]>(result, 'wasm-compat-verdicts') ?? []) {
    if (project.probes.some((p) => p.id === v.id)) continue;
    project.probes.push(v);
    project.summary[v.status]++;
    const key = (FEATURES_JSON_KEY as Record<string, string>)[v.id];
    if (key) project.features[key] = v.actual === 'pass';
  }
}

export default class CompatReporter implements Reporter {
  #options: CompatReporterOptions;
  #projects = new Map<string, ProjectReport>();
  #version = 'unknown';

  constructor(options: CompatReporterOptions) {
    this.#options = options;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#version = config.version;
    const targets = new Map(config.projects.map((p) => [p.name, projectTarget(p.use as Record<string, unknown>, this.#options)]));
    for (const p of suite.suites) this.#projects.set(p.title, emptyProject(targets.get(p.title) ?? null));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const name = test.parent.project()?.name ?? 'unknown';
    if (!this.#projects.has(name)) this.#projects.set(name, emptyProject());
    addTestResult(this.#projects.get(name)!, test, result);
  }

  onEnd(): void {
    const previous = this.#options.merge && existsSync(this.#options.outputFile) ? (JSON.parse(readFileSync(this.#options.outputFile, 'utf8')) as CompatReport) : null;
    const report: CompatReport = {
      schema: 1,
      generatedAt: new Date().toISOString(),
      target: this.#options.target,
      targetIsolation: this.#options.targetIsolation,
      playwright: this.#version,
      projects: {
        ...(previous?.projects ?? {}),
        ...Object.fromEntries([...this.#projects].map(([name, p]) => [name, { ...p, probes: p.probes.sort((a, b) => a.id.localeCompare(b.id)) }])),
      },
    };
    archive(this.#options.outputFile, 'compat', '.json');
    writeJsonAtomic(this.#options.outputFile, report);
  }

  printsToStdio(): boolean {
    return false;
  }
}
