// The compat.json writer and the verdict logic, on stored results (no browser needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestResult } from '@playwright/test/reporter';
import type { ProbeResult } from '../../harness/src/probe.ts';
import type { EngineInfo } from '../drivers/driver.ts';
import { verdict } from '../expectations/verdict.ts';
import { addTestResult, emptyProject } from '../reporters/compatReporter.ts';

const probe = (status: ProbeResult['status'], extra: Partial<ProbeResult> = {}): ProbeResult => ({
  id: 'feature.simd',
  title: 'SIMD',
  category: 'features',
  status,
  detail: 'd',
  ms: 1,
  ...extra,
});

test('verdicts: the four compat statuses, and an unexpected gain is not as expected', () => {
  assert.deepEqual(
    [
      verdict(probe('pass'), { status: 'pass', why: '' }),
      verdict(probe('unsupported'), { status: 'unsupported', why: '' }),
      verdict(probe('unsupported'), { status: 'pass', why: '' }),
      verdict(probe('fail'), { status: 'pass', why: '' }),
      verdict(probe('pass'), { status: 'unsupported', why: '' }),
    ].map((v) => [v.status, v.asExpected]),
    [
      ['pass', true],
      ['unsupported-as-expected', true],
      ['unsupported-unexpectedly', false],
      ['fail', false],
      ['pass', false],
    ],
  );
  const v = verdict(probe('pass', { validates: true, computesCorrectly: true }), { status: 'pass', why: 'w' });
  assert.equal(v.validates, true);
  assert.equal(v.computesCorrectly, true);
});

const engine: EngineInfo = {
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

function result(status: TestResult['status'], attachments: Record<string, unknown>, annotations: TestResult['annotations'] = []): TestResult {
  return {
    status,
    annotations,
    attachments: Object.entries(attachments).map(([name, body]) => ({ name, contentType: 'application/json', body: Buffer.from(JSON.stringify(body)) })),
  } as unknown as TestResult;
}

test('a project report folds tests: engine, verdicts once each, features.json shape, counts', () => {
  const project = emptyProject();
  const simd = verdict(probe('pass'), { status: 'pass', why: '' });
  const gc = verdict(probe('unsupported', { id: 'feature.gc' }), { status: 'unsupported', why: '' });
  const trap = verdict(probe('fail', { id: 'errors.trap', category: 'errors' }), { status: 'pass', why: '' });
  addTestResult(project, { annotations: [] }, result('passed', { 'wasm-compat-engine': engine, 'wasm-compat-verdicts': [simd, gc] }));
  addTestResult(project, { annotations: [] }, result('failed', { 'wasm-compat-engine': engine, 'wasm-compat-verdicts': [trap, simd] }));
  assert.equal(project.status, 'ran');
  assert.deepEqual(project.engine, engine);
  assert.deepEqual(project.tests, { passed: 1, failed: 1, skipped: 0 });
  assert.deepEqual(project.summary, { pass: 1, fail: 1, 'unsupported-as-expected': 1, 'unsupported-unexpectedly': 0 });
  assert.deepEqual(project.features, { simd: true, gc: false });
  assert.deepEqual(
    project.probes.map((p) => p.id),
    ['feature.simd', 'feature.gc', 'errors.trap'],
  );
});

test('a project whose engine is missing is reported as not run, with the reason', () => {
  const project = emptyProject();
  const reason = 'engine not found — webkit: not run — WebKit not found: ...';
  addTestResult(project, { annotations: [] }, result('skipped', {}, [{ type: 'skip', description: reason }]));
  assert.equal(project.status, 'not-run');
  assert.equal(project.reason, reason);
  assert.equal(project.engine, null);
  assert.deepEqual(project.tests, { passed: 0, failed: 0, skipped: 1 });
});
