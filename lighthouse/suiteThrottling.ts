// The suite's own throttling of its phone on a throttling engine (pixel5: the first device of the
// engine registry whose engine can throttle), read from the Playwright run's compat.json
// (projects.<it>.engine.throttling), to state next to Lighthouse's mobile throttling. The file is
// parsed through compat.json's one schema (runner/readCompat.ts), whose types are the runner's.
// A missing compat.json, project or record is stated as "not recorded" with the reason; a file
// that does not parse is "unreadable", naming the field, and the Lighthouse run goes on.
import { existsSync, readFileSync } from 'node:fs';
import { reportPath } from '../reporting/reportsFolder.ts';
import type { ThrottlingRecord } from '../runner/compatSchema.ts';
import { browserProjectList } from '../runner/engines/browserProjects.ts';
import { checkCompatReport } from '../runner/readCompat.ts';
import { engineThrottles } from '../runner/throttling/applyThrottling.ts';

export interface SuiteThrottlingRecord {
  /** The compat.json read (or looked for). */
  source: string;
  throttling: ThrottlingRecord | null;
  /** Why there is no record, when there is none. */
  missing: string | null;
}

/** The device project whose throttling is applied (runner/engines/registry/), as Lighthouse's mobile runs are. */
export const SUITE_MOBILE_PROJECT = browserProjectList().find((p) => p.emulated && p.throttle && engineThrottles(p.engine))?.name ?? null;

/** That project's throttling as a parsed compat.json records it, or why it records none. */
export function suiteThrottlingFrom(compat: unknown, source: string): SuiteThrottlingRecord {
  const none = (missing: string): SuiteThrottlingRecord => ({ source, throttling: null, missing });
  const { report, problem } = checkCompatReport(compat);
  if (problem !== null) return none(`${source} is unreadable here: ${problem}`);
  if (!SUITE_MOBILE_PROJECT) return none('no device project of runner/engines/registry/ runs on an engine that can throttle');
  const project = report.projects[SUITE_MOBILE_PROJECT];
  if (!project) return none(`${source} has no ${SUITE_MOBILE_PROJECT} project (the run did not include it)`);
  const where = `projects.${SUITE_MOBILE_PROJECT}.engine.throttling`;
  if (!project.engine) return none(`${source} has no ${SUITE_MOBILE_PROJECT} engine (the project did not run${project.reason ? `: ${project.reason}` : ''})`);
  if (project.engine.throttling === undefined) return none(`${source} has no ${where} (written before the suite recorded its throttling)`);
  if (project.engine.throttling === null) return none(`${source}'s ${where} is null (the project asked for no throttling)`);
  return { source, throttling: project.engine.throttling, missing: null };
}

/** The reports folder's compat.json (the last Playwright run's), read now. */
export function readSuiteThrottling(path = reportPath('compat.json')): SuiteThrottlingRecord {
  if (!existsSync(path)) return { source: path, throttling: null, missing: 'no compat.json' };
  let compat: unknown;
  try {
    compat = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { source: path, throttling: null, missing: `${path} is not JSON: ${(error as Error).message}` };
  }
  return suiteThrottlingFrom(compat, path);
}

const kbps = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} Kbps`;

/** One line for summary.md, e.g. "the suite's pixel5 throttling: CPU 3.2× (…); network …". */
export function describeSuiteThrottling(record: SuiteThrottlingRecord): string {
  const t = record.throttling;
  if (!t) return `the suite's ${SUITE_MOBILE_PROJECT} throttling: not recorded (${record.missing ?? 'no record'})`;
  const cpu = t.cpu
    ? `CPU ${t.cpu.rate}× slowdown by ${t.cpu.method} (benchmark index: this host ${t.cpu.hostBenchmarkIndex === null ? 'not measured' : t.cpu.hostBenchmarkIndex.toFixed(0)}, the phone aimed at ${t.cpu.targetBenchmarkIndex}, measured throttled ${t.cpu.throttledBenchmarkIndex === null ? 'not measured' : t.cpu.throttledBenchmarkIndex.toFixed(0)})`
    : 'CPU not throttled';
  const network = t.network
    ? `network ${t.network.profile}: latency ${t.network.latencyMs} ms, ${kbps(t.network.downloadKbps)} down, ${kbps(t.network.uploadKbps)} up`
    : 'network not throttled';
  const notApplied = t.notApplied.length ? `; not applied: ${t.notApplied.join('; ')}` : '';
  return `the suite's ${SUITE_MOBILE_PROJECT} throttling (${record.source}): ${cpu}; ${network}${notApplied}`;
}
