// What a test leaves for compat.json, written and read here only: the engine that ran it, the
// probes' verdicts, the Node-side serving findings, and "not run" with its reason. They travel as
// the test's attachments (so the HTML report shows them too), and the `testRecord` fixture saves
// the test's outcome with them in the run's records folder (runner/currentRun.ts) as it starts and as it
// ends, where the global teardown reads them: no reporter carries them. The names on the wire
// (attachment names, the annotation type, the record's shape) appear nowhere else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import type { Finding } from '../deploy/headerRules.ts';
import type { EngineInfo, ProbeNotRunRecord, ProbeVerdict, RustTestRecord, SessionTiming } from './compatSchema.ts';

export type { RustTestRecord, SessionTiming } from './compatSchema.ts';

const ATTACHMENT = {
  engine: 'wasm-compat-engine',
  verdicts: 'wasm-compat-verdicts',
  findings: 'wasm-compat-serving',
  rustTest: 'wasm-compat-rust-test',
  session: 'wasm-compat-session',
  probesNotRun: 'wasm-compat-probes-not-run',
} as const;

/** The annotation a test carries when its project's engine is missing. */
const NOT_RUN = 'wasm-compat-not-run';
/** The annotation with the time a test (its fixtures too: the engine's start, the page's load) waited for the timing lock. */
const LOCK_WAIT = 'wasm-compat-lock-wait';

export function recordLockWait(testInfo: TestInfo, ms: number): void {
  if (ms >= 1) testInfo.annotations.push({ type: LOCK_WAIT, description: `${Math.round(ms)} ms` });
}

/** The ms a test's annotations say it waited for the timing lock (0 without one). */
export function readLockWait(annotations: ReadonlyArray<{ type: string; description?: string }> = []): number {
  return annotations.filter((a) => a.type === LOCK_WAIT).reduce((ms, a) => ms + (Number.parseFloat(a.description ?? '') || 0), 0);
}

async function attachJson(testInfo: TestInfo, name: string, value: unknown): Promise<void> {
  await testInfo.attach(name, { body: JSON.stringify(value), contentType: 'application/json' });
}

function readJson<T>(result: Pick<TestResult, 'attachments'>, name: string): T | null {
  const a = result.attachments.find((x) => x.name === name);
  if (!a?.body) return null;
  return JSON.parse(a.body.toString('utf8')) as T;
}

export const recordEngine = (testInfo: TestInfo, engine: EngineInfo) => attachJson(testInfo, ATTACHMENT.engine, engine);
export const readEngine = (result: Pick<TestResult, 'attachments'>) => readJson<EngineInfo>(result, ATTACHMENT.engine);

export const recordVerdicts = (testInfo: TestInfo, verdicts: ProbeVerdict[]) => attachJson(testInfo, ATTACHMENT.verdicts, verdicts);
export const readVerdicts = (result: Pick<TestResult, 'attachments'>) => readJson<ProbeVerdict[]>(result, ATTACHMENT.verdicts) ?? [];

export const recordProbesNotRun = (testInfo: TestInfo, notRun: ProbeNotRunRecord[]) => attachJson(testInfo, ATTACHMENT.probesNotRun, notRun);
export const readProbesNotRun = (result: Pick<TestResult, 'attachments'>) => readJson<ProbeNotRunRecord[]>(result, ATTACHMENT.probesNotRun) ?? [];

export const recordFindings = (testInfo: TestInfo, findings: Finding[]) => attachJson(testInfo, ATTACHMENT.findings, findings);
export const readFindings = (result: Pick<TestResult, 'attachments'>) => readJson<Finding[]>(result, ATTACHMENT.findings);

export const recordSession = (testInfo: TestInfo, timing: SessionTiming) => attachJson(testInfo, ATTACHMENT.session, timing);
export const readSession = (result: Pick<TestResult, 'attachments'>) => readJson<SessionTiming>(result, ATTACHMENT.session);

export const recordRustTest = (testInfo: TestInfo, record: RustTestRecord) => attachJson(testInfo, ATTACHMENT.rustTest, record);
/** A Rust test's outcomes, one per mode it ran in (a Playwright test per Rust test, a step per mode). */
export const readRustTests = (result: Pick<TestResult, 'attachments'>): RustTestRecord[] =>
  result.attachments.filter((a) => a.name === ATTACHMENT.rustTest && a.body).map((a) => JSON.parse(a.body!.toString('utf8')) as RustTestRecord);

/** Skips the test as not run, for the reason given (what was looked for and not found). */
export function skipNotRun(testInfo: TestInfo, reason: string): void {
  testInfo.annotations.push({ type: NOT_RUN, description: reason });
  testInfo.skip(true, `not run: ${reason}`);
}

/** Why the test did not run, if it was skipped as not run. */
export function notRunReason(test: Pick<TestCase, 'annotations'>, result: Pick<TestResult, 'annotations'>): string | null {
  return [...result.annotations, ...test.annotations].find((a) => a.type === NOT_RUN)?.description ?? null;
}

/** One test as it ended, or as it started when its worker ended first ('running'), with what it attached. */
export interface SavedTest {
  project: string;
  testId: string;
  title: string;
  /** When it started, so a run's tests fold in the order they ran. */
  startedAt: number;
  status: TestResult['status'] | 'running';
  annotations: TestResult['annotations'];
  /** This module's attachments only, their bodies as text. */
  attachments: Array<{ name: string; contentType: string; body: string }>;
}

const OURS = new Set<string>(Object.values(ATTACHMENT));
/** A saved test's file name starts with this; the run's folder holds other things too (the engine records of runner/fixtures.ts). */
const TEST_FILE = 'test-';

/** Saves the test's record in the run's folder: once as it starts, again as it ends (replacing the first, whole). */
export function saveTest(run: { records: string }, testInfo: TestInfo, phase: 'started' | 'ended', startedAt: number): void {
  const saved: SavedTest = {
    project: testInfo.project.name,
    testId: testInfo.testId,
    title: testInfo.titlePath.join(' › '),
    startedAt,
    status: phase === 'started' ? 'running' : (testInfo.status ?? 'failed'),
    annotations: testInfo.annotations,
    attachments: testInfo.attachments
      .filter((a) => OURS.has(a.name) && a.body)
      .map((a) => ({ name: a.name, contentType: a.contentType, body: a.body!.toString('utf8') })),
  };
  writeJsonAtomic(join(run.records, `${TEST_FILE}${testInfo.testId}.json`), saved);
}

/** Every test the run saved, in the order they started. */
export function savedTests(run: { records: string }): SavedTest[] {
  let files: string[];
  try {
    files = readdirSync(run.records).filter((f) => f.startsWith(TEST_FILE) && f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(join(run.records, f), 'utf8')) as SavedTest).sort((a, b) => a.startedAt - b.startedAt);
}

/** A saved test as the result compatReport.ts folds; one whose worker ended before it did counts as failed. */
export function savedResult(saved: SavedTest): Pick<TestResult, 'status' | 'annotations' | 'attachments'> {
  return {
    status: saved.status === 'running' ? 'failed' : saved.status,
    annotations: saved.annotations,
    attachments: saved.attachments.map((a) => ({ name: a.name, contentType: a.contentType, body: Buffer.from(a.body, 'utf8') })),
  };
}
