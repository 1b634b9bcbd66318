// The Playwright reporter that writes <reports>/compat.json (compatReport.ts says what it holds).
// The previous compat.json moves to the history first; the new one is written whole. An Appium run
// merges its projects into the browser run's file.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { archive } from '../reporting/history.ts';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import { type TargetRecord } from '../serving/targets/target.ts';
import { resolveTarget } from '../serving/targets/plan.ts';
import { addTestResult, type CompatReport, emptyProject, type ProjectReport, projectTarget } from './compatReport.ts';
import { resolveSubject } from '../subject/resolveSubject.ts';
import { projectRequirements, type SubjectReport, subjectReport } from './subjectReport.ts';
import { htmlReportFolder } from './htmlReportFolder.ts';
import { targetUrl } from './targetUrls.ts';

export interface CompatReporterOptions {
  /** Keep the other projects of the existing file (an Appium run joins the browser run's report). */
  merge?: boolean;
}

export default class CompatReporter implements Reporter {
  #options: CompatReporterOptions;
  #projects = new Map<string, ProjectReport>();
  #targets = new Map<string, TargetRecord>();
  #version = 'unknown';
  #htmlReport: string | undefined;

  constructor(options: CompatReporterOptions = {}) {
    this.#options = options;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#version = config.version;
    const html = htmlReportFolder(config);
    if (html) this.#htmlReport = relative(reportPath(), html);
    for (const p of config.projects) {
      const target = (p.use as { target?: TargetRecord }).target;
      if (target) this.#targets.set(p.name, target);
    }
    for (const p of suite.suites) this.#projects.set(p.title, emptyProject());
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const name = test.parent.project()?.name ?? 'unknown';
    if (!this.#projects.has(name)) this.#projects.set(name, emptyProject());
    addTestResult(this.#projects.get(name)!, test, result);
  }

  onEnd(): void {
    const outputFile = reportPath('compat.json');
    const previous = this.#options.merge && existsSync(outputFile) ? (JSON.parse(readFileSync(outputFile, 'utf8')) as CompatReport) : null;
    const primary = resolveTarget();
    // A subject that could not be resolved already failed the global setup, with its reason.
    // Nothing ran then: the last compat.json stays as it is.
    let subject: SubjectReport;
    try {
      subject = subjectReport(resolveSubject());
    } catch {
      return;
    }
    const projects = [...this.#projects].map(([name, p]): [string, ProjectReport] => {
      const target = this.#targets.get(name);
      // The global setup published where each target answered; the reporter runs after it.
      return [name, { ...p, target: target ? projectTarget(target, targetUrl(target.name)) : null, probes: p.probes.sort((a, b) => a.id.localeCompare(b.id)), requirements: projectRequirements(subject, p.probes), ...(this.#htmlReport !== undefined ? { htmlReport: this.#htmlReport } : {}) }];
    });
    const report: CompatReport = {
      schema: 1,
      generatedAt: new Date().toISOString(),
      target: primary.name,
      targetIsolation: primary.isolation,
      playwright: this.#version,
      host: { platform: process.platform, arch: process.arch },
      subject,
      projects: { ...(previous?.projects ?? {}), ...Object.fromEntries(projects) },
    };
    archive(outputFile, 'compat', '.json');
    writeJsonAtomic(outputFile, report);
  }

  printsToStdio(): boolean {
    return false;
  }
}
