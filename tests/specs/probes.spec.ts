// One test per probe category: every probe reports what this engine should (assertProbes), and
// every probe file of the category ran, the subject's own included. Loading and serving, which a server can change, have specs
// of their own (loading.spec.ts, serving.spec.ts) that the serving matrix runs.
import type { ProbeCategory } from '../../harness/probes/probe.ts';
import { assertProbes } from '../../runner/assertProbes.ts';
import { readsHarnessLoad, test } from '../../runner/fixtures.ts';

readsHarnessLoad();

const CATEGORIES: Array<{ category: ProbeCategory; title: string }> = [
  { category: 'execution', title: "Execution: the crate's own probes (the demo's: every export agrees with its TypeScript twin)" },
  { category: 'memory', title: "Memory: the subject's memory as declared, its growth and maximum; direct growth; the crate's own memory probes" },
  { category: 'errors', title: "Errors: a trap, CompileError, LinkError, and the crate's own (the demo's: a panic with its message)" },
];

for (const { category, title } of CATEGORIES) {
  test(title, async ({ harness, engine, target }, testInfo) => {
    await assertProbes(harness, engine, testInfo, { category, isolation: target.isolation });
  });
}
