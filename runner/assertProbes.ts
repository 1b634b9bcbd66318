// The one assertion the category specs share: every probe of a category gets one verdict
// (runner/expectations/verdict.ts: what it saw, what its engine should do, and the spec's checks of
// its data), the test fails exactly on the verdicts that fail the run (one soft expectation per
// probe, so every mismatch shows, each with engine and version), and the verdicts are recorded for
// compat.json, which the matrix, JUnit and wptreport read: the five cannot disagree.
import type { TestInfo } from '@playwright/test';
import { probeIds } from '../harness/probes/catalog.ts';
import { describeSelection, isSelected } from '../harness/probes/probeSelection.ts';
import type { HarnessReport, ProbeCategory, ProbeResult, WorkerContext } from '../harness/probes/probe.ts';
import { judgeWorkerRuns } from './workerVerdicts.ts';
import type { EngineInfo } from './drivers/driver.ts';
import { expectedFeature } from './expectations/featureExpectation.ts';
import { expectationContext, expectedProbe, type Isolation } from './expectations/probes.ts';
import { loadSubjectExpectations } from './expectations/subjectExpectations.ts';
import { resolveSubject } from '../subject/resolveSubject.ts';
import { describeVerdict, failsRun, verdict, type ProbeVerdict } from './expectations/verdict.ts';
import { expect, test } from './fixtures.ts';
import { recordProbesNotRun, recordVerdicts } from './testRecord.ts';

/** A spec's judgement of a probe's data (what the engine and target should give) where it ran: each string is a failure. */
export type DataCheck = (result: ProbeResult, context: 'main thread' | WorkerContext) => string[];

export async function assertProbes(
  harness: HarnessReport,
  engine: EngineInfo,
  testInfo: TestInfo,
  options: { category: ProbeCategory; isolation: Isolation; checks?: Record<string, DataCheck> },
): Promise<ProbeVerdict[]> {
  const { selection } = harness;
  // A category this load was not asked for (WASM_COMPAT_PROBES) is not judged, and says so.
  test.skip(
    selection.categories !== null && !selection.categories.includes(options.category),
    `the page ran ${describeSelection(selection)}, not the ${options.category} probes`,
  );
  const results = harness.results.filter((r) => r.category === options.category);
  // What the page did not run (a library crate's module probes) is accounted for, with its reason, not missing.
  const notRun = harness.notRun.filter((n) => n.category === options.category);
  const ids = [...results, ...notRun].map((r) => r.id);
  // Every selected probe file of the category must have run: a page that lost one must not pass by having nothing to check.
  const subject = resolveSubject();
  const required = probeIds(options.category, subject.probesDir).filter((id) => isSelected(selection, { id, category: options.category }));
  expect
    .soft(ids, `${options.category} probes the page ran in ${engine.engine} ${engine.version} (${describeSelection(selection)})`)
    .toEqual(expect.arrayContaining(required));
  const subjectRules = await loadSubjectExpectations(subject.probesDir);

  const ctx = expectationContext(engine, options.isolation);
  const verdicts: ProbeVerdict[] = [];
  const where = `${engine.engine} ${engine.version} (${engine.source}${engine.device ? `, ${engine.device}` : ''})`;
  for (const result of results) {
    const expectation = result.category === 'features' ? expectedFeature(result.id, ctx) : expectedProbe(result.id, ctx, subjectRules);
    // Judged once: the test below and every report read this verdict (runner/expectations/verdict.ts).
    const v = verdict(result, expectation, options.checks?.[result.id]?.(result, 'main thread') ?? []);
    verdicts.push(v);
    await test.step(`${result.id}: ${v.status}`, () => {
      expect.soft(failsRun(v), describeVerdict(v, where)).toBe(false);
    });
  }
  // The same probes in each worker (the inWorkers ones), judged alike and held to the main thread's results.
  const inWorkers = judgeWorkerRuns(harness.workers, options.category, results, {
    engine: ctx.engine,
    expectation: (r) => (r.category === 'features' ? expectedFeature(r.id, ctx) : expectedProbe(r.id, ctx, subjectRules)),
    checks: (r, context) => options.checks?.[r.id]?.(r, context) ?? [],
  });
  expect.soft(inWorkers.missing, `probes the workers were asked for and did not report in ${where}`).toEqual([]);
  for (const v of inWorkers.verdicts) {
    verdicts.push(v);
    await test.step(`${v.id} (${v.context}): ${v.status}`, () => {
      expect.soft(failsRun(v), describeVerdict(v, where)).toBe(false);
    });
  }
  for (const n of notRun) await test.step(`${n.id}: not run (${n.reason})`, () => {});
  await recordVerdicts(testInfo, verdicts);
  if (notRun.length) await recordProbesNotRun(testInfo, notRun);
  return verdicts;
}
