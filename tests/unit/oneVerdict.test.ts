// One verdict, five readers: a probe that the run's own check of its data fails is 'fail' wherever
// it is read — the spec's assertion (failsRun), compat.json, the matrix cell, JUnit and wptreport —
// whatever the probe itself said ('info', 'unsupported', 'pass') and whatever its engine was
// expected to do ('recorded' included). The real-run twin of this test is tests/verdicts/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeResult } from '../../harness/probes/probe.ts';
import { junitProbes } from '../../matrix/junitProbes.ts';
import { buildMatrix } from '../../matrix/matrixModel.ts';
import { wptReport } from '../../matrix/wptReport.ts';
import { addTestResult, type CompatReport, emptyProject } from '../../runner/compatReport.ts';
import type { ProbeExpectation } from '../../runner/expectations/probes.ts';
import { failsRun, verdict } from '../../runner/expectations/verdict.ts';
import { recordEngine, recordVerdicts } from '../../runner/testRecord.ts';
import { CHROMIUM_ENGINE, recordedTest } from './recordedTest.ts';

const result = (id: string, status: ProbeResult['status']): ProbeResult => ({ id, title: id, category: 'loading', status, detail: `it said ${status}`, ms: 1 });
const engine = CHROMIUM_ENGINE;

const CASES: Array<[string, ProbeResult['status'], ProbeExpectation['status']]> = [
  ['loading.infoProbe', 'info', 'pass'],
  ['loading.recordedProbe', 'pass', 'recorded'],
  ['loading.unsupportedProbe', 'unsupported', 'unsupported'],
  ['loading.passProbe', 'pass', 'pass'],
];

async function reportWith(checked: boolean): Promise<CompatReport> {
  const verdicts = CASES.map(([id, status, expected]) =>
    verdict(result(id, status), { status: expected, why: 'w' }, checked ? [`the data of ${id} is wrong`] : []),
  );
  const t = recordedTest();
  await recordEngine(t.testInfo, engine);
  await recordVerdicts(t.testInfo, verdicts);
  const project = emptyProject();
  addTestResult(project, { annotations: [] }, t.result(verdicts.some(failsRun) ? 'failed' : 'passed'));
  return {
    schema: 1,
    generatedAt: '2026-12-06T00:00:00Z',
    target: 'preview',
    targetIsolation: 'require-corp',
    playwright: 'test',
    projects: { chromium: project },
  };
}

/** What each of the five says of each probe: does it fail? */
function fiveReaders(report: CompatReport): Record<string, boolean[]> {
  const project = report.projects.chromium!;
  const cells = buildMatrix(report)[0]!.sections.flatMap((s) => s.rows);
  const junit = junitProbes(report);
  const wpt = wptReport(report, 'chromium')!.results.flatMap((r) => r.subtests);
  return Object.fromEntries(
    CASES.map(([id]) => {
      const v = project.probes.find((p) => p.id === id)!;
      const cell = cells.find((r) => r.id === id)!.cells.chromium!;
      const junitCase = junit.split('<testcase').find((c) => c.includes(`name="${id}:`))!;
      const sub = wpt.find((s) => s.name === id)!;
      return [
        id,
        [failsRun(v), v.status === 'fail', cell.kind === 'fail', junitCase.includes('<failure'), sub.expected !== undefined && sub.status === 'FAIL'],
      ];
    }),
  );
}

test("a failed check of a probe's data is 'fail' in all five, whatever the probe said", async () => {
  for (const [id, fails] of Object.entries(fiveReaders(await reportWith(true)))) assert.deepEqual(fails, [true, true, true, true, true], id);
});

test('without the check, none of the five fails them: the case above is the check, not the probes', async () => {
  for (const [id, fails] of Object.entries(fiveReaders(await reportWith(false)))) assert.deepEqual(fails, [false, false, false, false, false], id);
});
