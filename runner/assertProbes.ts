// The one assertion the category specs share: every probe of a category reports what its engine
// should, one soft expectation per probe (so every mismatch shows, each with engine and version),
// and the verdicts are attached for the compat.json reporter.
import type { TestInfo } from '@playwright/test';
import { probeIds } from '../harness/probes/catalog.ts';
import { describeSelection, isSelected } from '../harness/probes/probeSelection.ts';
import type { HarnessReport, ProbeCategory, ProbeResult } from '../harness/probes/probe.ts';
import type { EngineInfo } from './drivers/driver.ts';
import { engineKey } from './expectations/engineKey.ts';
import { expectedFeature } from './expectations/featureExpectation.ts';
import { expectedProbe, type Isolation } from './expectations/probes.ts';
import { loadSubjectExpectations } from './expectations/subjectExpectations.ts';
import { resolveSubject } from '../subject/resolveSubject.ts';
import { verdict, type ProbeVerdict } from './expectations/verdict.ts';
import { expect, test } from './fixtures.ts';
import { recordVerdicts } from './testRecord.ts';

/** A spec's judgement of a probe's data (what the engine and target should give): each string is a failure. */
export type DataCheck = (result: ProbeResult) => string[];

export async function assertProbes(
  harness: HarnessReport,
  engine: EngineInfo,
  testInfo: TestInfo,
  options: { category: ProbeCategory; isolation: Isolation; checks?: Record<string, DataCheck> },
): Promise<ProbeVerdict[]> {
  const { selection } = harness;
  // A category this load was not asked for (WASM_COMPAT_PROBES) is not judged, and says so.
  test.skip(selection.categories !== null && !selection.categories.includes(options.category), `the page ran ${describeSelection(selection)}, not the ${options.category} probes`);
  const results = harness.results.filter((r) => r.category === options.category);
  const ids = results.map((r) => r.id);
  // Every selected probe file of the category must have run: a page that lost one must not pass by having nothing to check.
  const subject = resolveSubject();
  const required = probeIds(options.category, subject.probesDir).filter((id) => isSelected(selection, { id, category: options.category }));
  expect.soft(ids, `${options.category} probes the page ran in ${engine.engine} ${engine.version} (${describeSelection(selection)})`).toEqual(expect.arrayContaining(required));
  const subjectRules = await loadSubjectExpectations(subject.probesDir);

  const ctx = { engine: engineKey(engine), version: engine.version, isolation: options.isolation };
  const verdicts: ProbeVerdict[] = [];
  for (const result of results) {
    const expectation = result.category === 'features' ? expectedFeature(result.id, ctx) : expectedProbe(result.id, ctx, subjectRules);
    // A probe whose data the spec judges wrong is a failure in compat.json too, not only in the run.
    const failures = options.checks?.[result.id]?.(result) ?? [];
    const judged: ProbeResult = failures.length > 0 && result.status === 'pass' ? { ...result, status: 'fail', detail: `${result.detail}; judged by the run: ${failures.join('; ')}` } : result;
    // A result this engine only records is judged after all when the spec's check of its data fails.
    const v = verdict(judged, failures.length > 0 && expectation.status === 'recorded' ? { status: 'pass', why: `${expectation.why}; but its data fails the run's check` } : expectation);
    verdicts.push(v);
    await test.step(`${result.id}: ${v.status}`, () => {
      const gain = result.status === 'pass' && expectation.status === 'unsupported';
      // A fact recorded ('info') has nothing to meet; everything else meets its expectation exactly.
      if (result.status !== 'info' && expectation.status !== 'recorded') expect
        .soft(
          result.status,
          `${result.id} in ${engine.engine} ${engine.version} (${engine.source}${engine.device ? `, ${engine.device}` : ''}): ` +
            `expected ${expectation.status} (${expectation.why}); it reported ${result.status}: ${result.detail}` +
            (gain ? ' — an unexpected gain: update runner/expectations/ with its source' : ''),
        )
        .toBe(expectation.status);
      if (options.checks?.[result.id]) expect.soft(failures, `${result.id} in ${engine.engine} ${engine.version}: what its data should show`).toEqual([]);
    });
  }
  await recordVerdicts(testInfo, verdicts);
  return verdicts;
}
