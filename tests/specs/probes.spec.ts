// One test per probe category: every probe reports what this engine should (assertProbes), and
// every probe file of the category ran. Loading and serving, which a server can change, have specs
// of their own (loading.spec.ts, serving.spec.ts) that the serving matrix runs.
import type { ProbeCategory } from '../../harness/probes/probe.ts';
import { assertProbes } from '../../runner/assertProbes.ts';
import { test } from '../../runner/fixtures.ts';

const CATEGORIES: Array<{ category: ProbeCategory; title: string }> = [
  { category: 'execution', title: 'Execution: every crate export agrees with its TypeScript twin' },
  { category: 'memory', title: 'Memory: allocations, growth through the crate and directly, detached views, growth past the maximum' },
  { category: 'errors', title: 'Errors: a panic with its message, a trap, CompileError, LinkError' },
];

for (const { category, title } of CATEGORIES) {
  test(title, async ({ harness, engine, target }, testInfo) => {
    await assertProbes(harness, engine, testInfo, { category, isolation: target.isolation });
  });
}
