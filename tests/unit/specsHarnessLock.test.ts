// Every spec that reads the project's harness load (the fixtures in runner/fixtures.ts built on `session`) takes its lock (readsHarnessLoad):
// in a run that gives one project both workers (runner/bothWorkers.ts), a spec without it could run
// beside the load in the other worker and load the page a second time, its timed probes included.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const SPECS = 'tests/specs';

/**
 * The fixtures a spec's tests (or a fixture) ask for: the names destructured from an arrow
 * function's first parameter, `async` or not (`({ harness }) => ...`, `async ({ session }, use) =>`).
 */
const ASKED_FOR = /\(\s*\{([^}]*)\}(?:\s*:\s*[\w.<>]+)?\s*(?:,\s*\w+(?:\s*:\s*[\w.<>]+)?\s*)*\)\s*=>/g;
function fixturesAskedFor(source: string): string[] {
  return [...new Set([...source.matchAll(ASKED_FOR)].flatMap(([, pattern]) => destructuredNames(pattern!)))];
}

/** The names in a destructuring pattern's body (`session, harnessUrl: url` gives session and harnessUrl). */
function destructuredNames(pattern: string): string[] {
  return pattern
    .split(',')
    .map((name) => name.split(':')[0]!.trim())
    .filter(Boolean);
}

/**
 * The fixtures that read the page's load, from runner/fixtures.ts itself: `session`, and every
 * fixture that asks for one of them (harness, harnessView, pageProblems today; one added tomorrow too).
 */
function harnessFixtures(fixturesSource: string): string[] {
  const deps = new Map<string, string[]>();
  for (const [, name, pattern] of fixturesSource.matchAll(/^ {2}(\w+): \[?\s*async\s*\(\s*\{([^}]*)\}/gm)) deps.set(name!, destructuredNames(pattern!));
  const reading = new Set(['session']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, asked] of deps)
      if (!reading.has(name) && asked.some((a) => reading.has(a))) {
        reading.add(name);
        grew = true;
      }
  }
  return [...reading];
}

const HARNESS_FIXTURES = harnessFixtures(readFileSync('runner/fixtures.ts', 'utf8'));

function readsHarnessWithoutLock(source: string): boolean {
  const reads = fixturesAskedFor(source).some((name) => HARNESS_FIXTURES.includes(name));
  return reads && !/^readsHarnessLoad\(\);$/m.test(source);
}

test('a spec that reads the harness load and does not take its lock is found', () => {
  const spec = "import { test } from '../../runner/fixtures.ts';\ntest('x', async ({\n  harness,\n  engine,\n}) => {});\n";
  assert.equal(readsHarnessWithoutLock(spec), true);
  assert.equal(readsHarnessWithoutLock(`${spec}\nreadsHarnessLoad();\n`), false);
  assert.equal(readsHarnessWithoutLock("test('y', async ({ driver, harnessUrl }) => {});"), false, 'harnessUrl is the address, not the load');
  assert.equal(readsHarnessWithoutLock("test('z', ({ harnessView }, testInfo) => {});"), true, 'a test function that is not async reads it too');
  assert.equal(readsHarnessWithoutLock('expect({ harness: 1 }).toBeTruthy();'), false, 'an object passed to a call is not a fixture asked for');
});

test('the fixtures that read the load, found in runner/fixtures.ts: session and what is built on it', () => {
  assert.deepEqual(HARNESS_FIXTURES.sort(), ['harness', 'harnessView', 'pageProblems', 'session']);
  const added =
    '  engine: async ({ engineSession }, use) => {},\n  session: [\n    async ({ engineSession }, use) => {},\n  ],\n  report: async ({ session }, use) => {},\n  view: async ({ report, engine }, use) => {},\n';
  assert.deepEqual(harnessFixtures(added).sort(), ['report', 'session', 'view'], 'a fixture built on one that reads the load reads it too, however deep');
});

test('every spec that reads the harness load takes its lock', () => {
  const specs = new Map(
    readdirSync(SPECS)
      .filter((f) => f.endsWith('.spec.ts'))
      .map((f) => [f, readFileSync(join(SPECS, f), 'utf8')]),
  );
  assert.ok(specs.size >= 9, `the specs are in ${SPECS}`);
  const without = [...specs].filter(([, source]) => readsHarnessWithoutLock(source)).map(([f]) => f);
  assert.deepEqual(without, [], 'call readsHarnessLoad() at the top of each');
  const reading = [...specs].filter(([, source]) => fixturesAskedFor(source).some((n) => HARNESS_FIXTURES.includes(n))).map(([f]) => f);
  assert.deepEqual(
    reading.sort(),
    ['environment', 'features', 'limits', 'loading', 'page', 'probes', 'serving'].map((n) => `${n}.spec.ts`),
  );
});
