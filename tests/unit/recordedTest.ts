// A test's record as the fixtures leave it, without Playwright: a stand-in TestInfo that keeps what
// runner/testRecord.ts attaches and annotates, turned into the TestResult the reporter reads.
import type { TestInfo } from '@playwright/test';
import type { TestResult } from '@playwright/test/reporter';

export interface RecordedTest {
  testInfo: TestInfo;
  result(status: TestResult['status']): TestResult;
}

export function recordedTest(): RecordedTest {
  const attachments: TestResult['attachments'] = [];
  const annotations: TestResult['annotations'] = [];
  const testInfo = {
    annotations,
    attach: async (name: string, options: { body: string; contentType: string }) => void attachments.push({ name, contentType: options.contentType, body: Buffer.from(options.body) }),
    skip: (condition: boolean, description: string) => void (condition && annotations.push({ type: 'skip', description })),
  } as unknown as TestInfo;
  return { testInfo, result: (status) => ({ status, annotations: [...annotations], attachments: [...attachments] }) as unknown as TestResult };
}
