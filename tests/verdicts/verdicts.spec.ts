// Two spec checks that fail on purpose, each on a probe the engine did not pass on its own: the
// first 'unsupported' feature and the first 'info' loading probe the page reports. Both tests must
// fail, and so must those probes in compat.json, the matrix, JUnit and wptreport
// (tests/verdicts/verdicts.test.ts runs this under its own config, playwright.verdicts.config.ts).
import { assertProbes } from '../../runner/assertProbes.ts';
import { expect, test } from '../../runner/fixtures.ts';

const CASES = [
  { category: 'features', status: 'unsupported' },
  { category: 'loading', status: 'info' },
] as const;

for (const { category, status } of CASES) {
  test(`a failed check of an ${status} ${category} probe fails it`, async ({ harness, engine, target }, testInfo) => {
    const probe = harness.results.find((r) => r.category === category && r.status === status);
    expect(probe, `the page reported no ${status} ${category} probe in ${engine.engine} ${engine.version}, so this engine cannot show the case`).toBeDefined();
    await assertProbes(harness, engine, testInfo, {
      category,
      isolation: target.isolation,
      checks: { [probe!.id]: () => [`checked to fail on purpose (tests/verdicts/): it said ${status}`] },
    });
  });
}
