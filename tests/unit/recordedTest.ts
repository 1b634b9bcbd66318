// A test's record as the fixtures leave it, without Playwright: a stand-in TestInfo that keeps what
// runner/testRecord.ts attaches and annotates, turned into the TestResult that compatReport.ts
// folds, or saved in a run's records folder as the `testRecord` fixture saves it.
import type { TestInfo } from '@playwright/test';
import type { TestResult } from '@playwright/test/reporter';
import type { EngineInfo } from '../../runner/drivers/driver.ts';

/** The engine record the recorded tests ran in: a system Chromium 156. */
export const CHROMIUM_ENGINE: EngineInfo = {
  project: 'chromium',
  engine: 'chromium',
  kind: 'system',
  source: 'system Chromium',
  binary: '/usr/bin/chromium',
  version: '156.0.1',
  userAgent: 'UA',
  emulated: false,
  device: null,
  notApplied: [],
};

export interface RecordedTest {
  testInfo: TestInfo;
  result(status: TestResult['status']): TestResult;
}

let next = 0;

export function recordedTest(project = 'chromium'): RecordedTest {
  const attachments: TestResult['attachments'] = [];
  const annotations: TestResult['annotations'] = [];
  const testInfo = {
    annotations,
    attachments,
    project: { name: project },
    testId: `test-${process.pid}-${next++}`,
    titlePath: ['spec.ts', `test ${next}`],
    status: 'passed',
    attach: async (name: string, options: { body: string; contentType: string }) =>
      void attachments.push({ name, contentType: options.contentType, body: Buffer.from(options.body) }),
    skip: (condition: boolean, description: string) => {
      if (!condition) return;
      annotations.push({ type: 'skip', description });
      (testInfo as { status: string }).status = 'skipped';
    },
  } as unknown as TestInfo;
  return { testInfo, result: (status) => ({ status, annotations: [...annotations], attachments: [...attachments] }) as unknown as TestResult };
}
