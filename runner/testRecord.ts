// What a test leaves for the compat reporter, written and read here only: the engine that ran it,
// the probes' verdicts, the Node-side serving findings, and "not run" with its reason. The names
// on the wire (attachment names, the annotation type) appear nowhere else.
import type { TestInfo } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { Finding } from '../deploy/headerRules.ts';
import type { EngineInfo } from './drivers/driver.ts';
import type { ProbeVerdict } from './expectations/verdict.ts';

const ATTACHMENT = {
  engine: 'wasm-compat-engine',
  verdicts: 'wasm-compat-verdicts',
  findings: 'wasm-compat-serving',
  rustTest: 'wasm-compat-rust-test',
  session: 'wasm-compat-session',
} as const;

/** The annotation a test carries when its project's engine is missing. */
const NOT_RUN = 'wasm-compat-not-run';

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

export const recordFindings = (testInfo: TestInfo, findings: Finding[]) => attachJson(testInfo, ATTACHMENT.findings, findings);
export const readFindings = (result: Pick<TestResult, 'attachments'>) => readJson<Finding[]>(result, ATTACHMENT.findings);

/** What a project's worker spent before its first test: starting its engine, and the page's one load with its probes. */
export interface SessionTiming {
  launchMs: number;
  pageLoadMs: number;
}

export const recordSession = (testInfo: TestInfo, timing: SessionTiming) => attachJson(testInfo, ATTACHMENT.session, timing);
export const readSession = (result: Pick<TestResult, 'attachments'>) => readJson<SessionTiming>(result, ATTACHMENT.session);

/** One #[wasm_bindgen_test] as it ran in this project's engine (tests/specs/rustTests.spec.ts). */
export interface RustTestRecord {
  /** The cargo test target (tests/web.rs is 'web'). */
  target: string;
  /** Where it ran: the runner page's main thread, or a dedicated worker. */
  mode: string;
  name: string;
  status: 'passed' | 'failed' | 'ignored' | 'not-reported';
  /** Its output: a panic's message, or why it did not report. */
  output: string;
}

export const recordRustTest = (testInfo: TestInfo, record: RustTestRecord) => attachJson(testInfo, ATTACHMENT.rustTest, record);
export const readRustTest = (result: Pick<TestResult, 'attachments'>) => readJson<RustTestRecord>(result, ATTACHMENT.rustTest);

/** Skips the test as not run, for the reason given (what was looked for and not found). */
export function skipNotRun(testInfo: TestInfo, reason: string): void {
  testInfo.annotations.push({ type: NOT_RUN, description: reason });
  testInfo.skip(true, `not run: ${reason}`);
}

/** Why the test did not run, if it was skipped as not run. */
export function notRunReason(test: Pick<TestCase, 'annotations'>, result: Pick<TestResult, 'annotations'>): string | null {
  return [...result.annotations, ...test.annotations].find((a) => a.type === NOT_RUN)?.description ?? null;
}
