// One test per probe category: every probe reports what this engine should (assertProbes), and
// the category still has the probes it is known to have. Loading and serving, which a server can
// change, have specs of their own (loading.spec.ts, serving.spec.ts) that the serving matrix runs.
import type { ProbeCategory } from '../../harness/src/probe.ts';
import { assertProbes } from '../assertProbes.ts';
import { test } from '../fixtures.ts';

const CATEGORIES: Array<{ category: ProbeCategory; title: string; required: string[] }> = [
  { category: 'execution', title: 'Execution: every crate export agrees with its TypeScript twin', required: ['execution.twins', 'execution.jsFallback'] },
  {
    category: 'memory',
    title: 'Memory: allocations, growth through the crate and directly, detached views, growth past the maximum',
    required: ['memory.allocations', 'memory.growCrate', 'memory.growDirect'],
  },
  {
    category: 'errors',
    title: 'Errors: a panic with its message, a trap, CompileError, LinkError',
    required: ['errors.panic', 'errors.trap', 'errors.compileError', 'errors.linkError'],
  },
];

for (const { category, title, required } of CATEGORIES) {
  test(title, async ({ harness, engine, targetIsolation }, testInfo) => {
    await assertProbes(harness, engine, testInfo, { category, required, isolation: targetIsolation });
  });
}
