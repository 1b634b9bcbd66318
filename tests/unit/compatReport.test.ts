// The compat.json writer and the verdict logic, on stored results (no browser needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeResult } from '../../harness/probes/probe.ts';
import { addTestResult, emptyProject } from '../../runner/compatReport.ts';
import { verdict } from '../../runner/expectations/verdict.ts';
import { recordEngine, recordRustTest, recordVerdicts, type RustTestRecord, skipNotRun } from '../../runner/testRecord.ts';
import { CHROMIUM_ENGINE, recordedTest } from './recordedTest.ts';

const probe = (status: ProbeResult['status'], extra: Partial<ProbeResult> = {}): ProbeResult => ({
  id: 'features.simd',
  title: 'SIMD',
  featuresJson: 'simd',
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
  // A fact recorded meets no expectation: 'info', whatever was expected.
  assert.deepEqual(
    [verdict(probe('info'), { status: 'pass', why: '' })].map((v) => [v.status, v.asExpected]),
    [['info', true]],
  );
  const v = verdict(probe('pass', { validates: true, computesCorrectly: true }), { status: 'pass', why: 'w' });
  assert.equal(v.validates, true);
  assert.equal(v.computesCorrectly, true);
});

const engine = CHROMIUM_ENGINE;

test('a project report folds tests: engine, verdicts once each, features.json shape, counts', async () => {
  const project = emptyProject();
  const simd = verdict(probe('pass'), { status: 'pass', why: '' });
  const gc = verdict(probe('unsupported', { id: 'features.gc', featuresJson: 'gc' }), { status: 'unsupported', why: '' });
  const trap = verdict(probe('fail', { id: 'errors.trap', category: 'errors', featuresJson: undefined }), { status: 'pass', why: '' });
  for (const [status, verdicts] of [
    ['passed', [simd, gc]],
    ['failed', [trap, simd]],
  ] as const) {
    const t = recordedTest();
    await recordEngine(t.testInfo, engine);
    await recordVerdicts(t.testInfo, [...verdicts]);
    addTestResult(project, { annotations: [] }, t.result(status));
  }
  assert.equal(project.status, 'ran');
  assert.deepEqual(project.engine, engine);
  assert.deepEqual(project.tests, { passed: 1, failed: 1, skipped: 0 });
  assert.deepEqual(project.summary, { pass: 1, fail: 1, 'unsupported-as-expected': 1, 'unsupported-unexpectedly': 0, info: 0 });
  assert.deepEqual(project.features, { simd: true, gc: false });
  assert.deepEqual(
    project.probes.map((p) => p.id),
    ['features.simd', 'features.gc', 'errors.trap'],
  );
});

test('a project whose engine is missing is reported as not run, with the reason', () => {
  const project = emptyProject();
  const reason = 'webkit: not run — WebKit not found: ...';
  const t = recordedTest();
  skipNotRun(t.testInfo, reason);
  addTestResult(project, { annotations: [] }, t.result('skipped'));
  assert.equal(project.status, 'not-run');
  assert.equal(project.reason, reason);
  assert.equal(project.engine, null);
  assert.deepEqual(project.tests, { passed: 0, failed: 0, skipped: 1 });
});

test('a test skipped for another reason leaves the project as run', () => {
  const project = emptyProject();
  const t = recordedTest();
  t.testInfo.skip(true, 'not on this engine');
  addTestResult(project, { annotations: [] }, t.result('skipped'));
  assert.equal(project.status, 'ran');
  assert.equal(project.reason, undefined);
});

test("a Rust test's outcome in each of its modes is folded, each its own entry, and the test counts once", async () => {
  const project = emptyProject();
  const t = recordedTest();
  const outcome = (mode: RustTestRecord['mode'], status: RustTestRecord['status']) => ({ target: 'web', mode, name: 'tests::a', status, output: '' });
  await recordRustTest(t.testInfo, outcome('main thread', 'passed'));
  await recordRustTest(t.testInfo, outcome('dedicated worker', 'failed'));
  await recordRustTest(t.testInfo, outcome('service worker', 'unsupported'));
  addTestResult(project, { annotations: [], id: 'rust-a' }, t.result('failed'));
  assert.deepEqual(
    project.rustTests?.map((r) => `${r.mode}: ${r.status} (${r.testId})`),
    ['main thread: passed (rust-a)', 'dedicated worker: failed (rust-a)', 'service worker: unsupported (rust-a)'],
  );
  assert.deepEqual(project.tests, { passed: 0, failed: 1, skipped: 0 });
});
