// The probes' worker runs (HarnessReport.workers) judged and reported, on made-up results (the
// runs in real engines are the specs' in every project): a worker result is held to the main
// thread's, a worker that gave nothing fails each probe it was asked for, a lost probe is named;
// compat.json keeps a verdict per probe and context; the matrix puts each probe's worker rows under
// its own; wptreport names the worker tests as WPT names its globals; features.json and the
// requirements read the page's main thread only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeResult, WorkerRun } from '../../harness/probes/probe.ts';
import { addTestResult, emptyProject } from '../../runner/compatReport.ts';
import type { CompatReport } from '../../runner/compatSchema.ts';
import { verdict } from '../../runner/expectations/verdict.ts';
import { syncCompileOfLargeModuleAllowed } from '../../runner/expectations/engineBehaviour.ts';
import { judgeWorkerRuns, type WorkerJudge } from '../../runner/workerVerdicts.ts';
import { recordEngine, recordVerdicts } from '../../runner/testRecord.ts';
import { featuresJson } from '../../matrix/featuresJson.ts';
import { buildMatrix } from '../../matrix/matrixModel.ts';
import { wptReport } from '../../matrix/wptReport.ts';
import { projectRequirements } from '../../runner/subjectReport.ts';
import { CHROMIUM_ENGINE, recordedTest } from './recordedTest.ts';

const result = (id: string, status: ProbeResult['status'], detail = 'd'): ProbeResult => ({
  id,
  title: id,
  category: 'features',
  status,
  detail,
  ms: 1,
  ...(id === 'features.simd' ? { featuresJson: 'simd' } : {}),
});
const judge: WorkerJudge = { engine: 'chromium', expectation: () => ({ status: 'pass', why: 'every engine' }), checks: () => [] };
const run = (context: WorkerRun['context'], results: ProbeResult[], error: string | null = null, asked = ['features.simd', 'features.gc']): WorkerRun => ({
  context,
  asked,
  results,
  error,
});

test('a worker result that agrees with the main thread passes; one that differs fails, naming both', () => {
  const main = [result('features.simd', 'pass', 'validates on the page'), result('features.gc', 'pass')];
  const { verdicts, missing } = judgeWorkerRuns(
    [
      run('dedicated worker', [result('features.simd', 'pass'), result('features.gc', 'pass')]),
      run('shared worker', [result('features.simd', 'unsupported'), result('features.gc', 'pass')]),
    ],
    'features',
    main,
    judge,
  );
  assert.deepEqual(missing, []);
  assert.deepEqual(
    verdicts.map((v) => `${v.id} ${v.context} ${v.status}`),
    ['features.simd dedicated worker pass', 'features.gc dedicated worker pass', 'features.simd shared worker fail', 'features.gc shared worker pass'],
  );
  assert.match(
    verdicts[2]!.checkFailures!.join(),
    /it reported unsupported in the shared worker and pass on the page's main thread \(validates on the page\); no platform reason to differ is recorded/,
  );
});

test('a worker that gave no results fails every probe it was asked for, with why; a probe it lost is named', () => {
  const main = [result('features.simd', 'pass'), result('features.gc', 'pass')];
  const none = judgeWorkerRuns(
    [run('service worker', [], 'no answer within 30 s (sent the request; the worker is activated, active)')],
    'features',
    main,
    judge,
  );
  assert.deepEqual(
    none.verdicts.map((v) => [v.id, v.context, v.status, v.detail]),
    [
      [
        'features.simd',
        'service worker',
        'fail',
        'the service worker gave no results: no answer within 30 s (sent the request; the worker is activated, active)',
      ],
      [
        'features.gc',
        'service worker',
        'fail',
        'the service worker gave no results: no answer within 30 s (sent the request; the worker is activated, active)',
      ],
    ],
  );
  const lost = judgeWorkerRuns([run('dedicated worker', [result('features.simd', 'pass')])], 'features', main, judge);
  assert.deepEqual(lost.missing, ['features.gc (dedicated worker)']);
  // Another category's spec judges none of these.
  assert.deepEqual(judgeWorkerRuns([run('dedicated worker', [result('features.simd', 'pass')])], 'errors', main, judge).verdicts, []);
});

test('a large synchronous compile: refused on the main thread in Chromium, allowed in its workers', () => {
  assert.equal(syncCompileOfLargeModuleAllowed('chromium', '156.0.1'), false);
  assert.equal(syncCompileOfLargeModuleAllowed('chromium', '156.0.1', 'dedicated worker'), true);
});

const engine = CHROMIUM_ENGINE;

test('compat.json keeps one verdict per probe and context; the matrix, wptreport, features.json and the requirements read them', async () => {
  const pass = { status: 'pass' as const, why: 'w' };
  const t = recordedTest();
  await recordEngine(t.testInfo, engine);
  await recordVerdicts(t.testInfo, [
    verdict(result('features.simd', 'pass'), pass),
    verdict(result('features.simd', 'unsupported'), pass, [], 'shared worker'),
    verdict(result('features.simd', 'pass'), pass, [], 'dedicated worker'),
  ]);
  const project = emptyProject();
  addTestResult(project, { annotations: [] }, t.result('passed'));
  assert.deepEqual(project.features, { simd: true }, "the page's answer, not the shared worker's");
  assert.deepEqual(
    project.probes.map((v) => `${v.id}@${v.context ?? 'page'}`),
    ['features.simd@page', 'features.simd@shared worker', 'features.simd@dedicated worker'],
  );
  const report: CompatReport = {
    schema: 1,
    generatedAt: '2026-12-06T00:00:00.000Z',
    target: 'preview',
    targetIsolation: 'require-corp',
    playwright: '1',
    projects: { chromium: { ...project, engine } },
  };
  // The matrix: the probe's row, then one row per worker in the contexts' order.
  const rows = buildMatrix(report)[0]!.sections.find((s) => s.title === 'Features: validates')!.rows;
  assert.deepEqual(
    rows.map((r) => [r.id, r.label]),
    [
      ['features.simd#validates', 'features.simd'],
      ['features.simd@dedicated worker#validates', 'features.simd (in a dedicated worker)'],
      ['features.simd@shared worker#validates', 'features.simd (in a shared worker)'],
    ],
  );
  // wptreport: the worker runs as tests of their own, named as WPT names the globals.
  assert.deepEqual(
    wptReport(report, 'chromium')!.results.map((r) => `${r.test} ${r.subtests.map((s) => s.status).join()}`),
    ['/wasm-compat/features PASS', '/wasm-compat/features.worker PASS', '/wasm-compat/features.sharedworker FAIL'],
  );
  // features.json is webassembly.org's table of a page: the shared worker's "unsupported" does not reach it.
  assert.equal(featuresJson(report).browsers['Chromium 156.0.1']?.features.simd, true);
  const requirements = { features: [{ feature: 'simd', probe: 'features.simd', evidence: 'e', versions: {}, source: null }], minimum: {} };
  const subject = {
    name: 'x',
    version: '1',
    kind: 'crate' as const,
    path: '/x',
    from: 'f',
    wasmBindgen: null,
    target: 'bundler' as const,
    features: [],
    build: null,
    wasm: null,
    requirements,
  };
  assert.deepEqual(projectRequirements(subject, project.probes), { runs: true, missing: [], unjudged: [] });
});
