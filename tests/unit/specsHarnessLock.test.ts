// Every spec that reads the project's harness load takes its lock (readsHarnessLoad, runner/fixtures.ts):
// in a run that gives one project both workers (runner/bothWorkers.ts), a spec without it could run
// beside the load in the other worker and load the page a second time, its timed probes included.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const SPECS = 'tests/specs';
const HARNESS_FIXTURES = ['harness', 'harnessView', 'pageProblems', 'session'];

/** The fixtures a spec's tests ask for: the names in each `({ ... })` destructuring it passes to a test. */
function fixturesAskedFor(source: string): string[] {
  const names = new Set<string>();
  for (const [, pattern] of source.matchAll(/async\s*\(\s*\{([^}]*)\}/g))
    for (const name of pattern!.split(',')) {
      const key = name.split(':')[0]!.trim();
      if (key) names.add(key);
    }
  return [...names];
}

function readsHarnessWithoutLock(source: string): boolean {
  const reads = fixturesAskedFor(source).some((name) => HARNESS_FIXTURES.includes(name));
  return reads && !/^readsHarnessLoad\(\);$/m.test(source);
}

test('a spec that reads the harness load and does not take its lock is found', () => {
  const spec = "import { test } from '../../runner/fixtures.ts';\ntest('x', async ({\n  harness,\n  engine,\n}) => {});\n";
  assert.equal(readsHarnessWithoutLock(spec), true);
  assert.equal(readsHarnessWithoutLock(`${spec}\nreadsHarnessLoad();\n`), false);
  assert.equal(readsHarnessWithoutLock("test('y', async ({ driver, harnessUrl }) => {});"), false, 'harnessUrl is the address, not the load');
});

test('every spec that reads the harness load takes its lock', () => {
  const specs = readdirSync(SPECS).filter((f) => f.endsWith('.spec.ts'));
  assert.ok(specs.length >= 9, `the specs are in ${SPECS}`);
  const without = specs.filter((f) => readsHarnessWithoutLock(readFileSync(join(SPECS, f), 'utf8')));
  assert.deepEqual(without, [], 'call readsHarnessLoad() at the top of each');
  const reading = specs.filter((f) => fixturesAskedFor(readFileSync(join(SPECS, f), 'utf8')).some((n) => HARNESS_FIXTURES.includes(n)));
  assert.deepEqual(
    reading.sort(),
    ['environment', 'features', 'limits', 'loading', 'page', 'probes', 'serving'].map((n) => `${n}.spec.ts`),
  );
});
