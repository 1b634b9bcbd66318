// Two real runs of the suite, as a user runs it, with one expectation changed between them: the
// second run's changes.md names exactly that probe and that engine, and its index.html shows every
// project with its engine version; both runs are in the history store (its default place), and the
// trends page the second run drew (linked from the matrix) shows the failure beginning at run #2. The subject is the example crate's build used as a prebuilt
// folder (in .cache/), with a copy of its probes and expectations, so the test can edit one rule.
// Both runs are probes.spec.ts and features.spec.ts, so the page runs only the categories those
// judge (WASM_COMPAT_PROBES): nothing else would reach compat.json or the files made from it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { engineLabel } from '../../matrix/engineNames.ts';
import { readCompatFile } from '../../runner/readCompat.ts';
import { openStore } from '../../trends/historyStore.ts';
import { resolveSubjectFrom } from '../../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { SUBJECT_TESTS_TARGET } from '../subject/cargoTarget.ts';
import { childEnvironment } from '../../settings/environment.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-changes-'));
// Two folders below the root, as examples/web-apis is: its probes import the probe contract by a relative path.
const subject = join(PROJECT_ROOT, '.cache', `changes-test-${process.pid}`);
after(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(subject, { recursive: true, force: true });
});
const reports = join(scratch, 'reports');
const PROJECTS = ['chromium', 'firefox'];
const PROBE = 'execution.structuredClone';
/** What probes.spec.ts (execution, memory, errors) and features.spec.ts judge. */
const CATEGORIES = ['execution', 'memory', 'errors', 'features'];

function run(): { status: number | null; out: string } {
  const r = spawnSync(
    join(PROJECT_ROOT, 'node_modules/.bin/playwright'),
    [
      'test',
      'tests/specs/probes.spec.ts',
      'tests/specs/features.spec.ts',
      ...PROJECTS.map((p) => `--project=${p}`),
      `--output=${join(scratch, 'test-results')}`,
    ],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: childEnvironment({
        WASM_COMPAT_CRATE: subject,
        WASM_COMPAT_REPORTS_DIR: reports,
        WASM_COMPAT_MATRIX: '0',
        WASM_COMPAT_PROBES: CATEGORIES.join(','),
      }),
      timeout: 600_000,
    },
  );
  return { status: r.status, out: `${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}` };
}

test('one expectation changed between two runs: changes.md names exactly that probe and engine', () => {
  // In the cargo target folder the subject tests share (tests/subject/exampleCrate.test.ts builds its tests there).
  const built = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/buildSubject.ts'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: childEnvironment({ WASM_COMPAT_CRATE: 'examples/web-apis', CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET }),
  });
  assert.equal(built.status, 0, built.stderr);
  cpSync(resolveSubjectFrom({ WASM_COMPAT_CRATE: 'examples/web-apis' }).pkgDir, subject, { recursive: true });
  cpSync(join(PROJECT_ROOT, 'examples/web-apis/probes'), join(subject, 'probes'), { recursive: true });

  const first = run();
  assert.equal(first.status, 0, first.out);
  assert.match(readFileSync(join(reports, 'changes.md'), 'utf8'), /No earlier run/);

  // Firefox passes this probe; from now on it is expected not to.
  const rules = join(subject, 'probes', 'expectations.ts');
  const text = readFileSync(rules, 'utf8');
  assert.match(text, /^export default expectations;$/m);
  writeFileSync(
    rules,
    text.replace(
      /^export default expectations;$/m,
      `export default { ...expectations, '${PROBE}': (ctx: ExpectationContext): ProbeExpectation => ctx.engine === 'firefox' ? { status: 'unsupported', why: 'changed between two runs by the test' } : { status: 'pass', why: 'every engine' } };`,
    ),
  );
  const second = run();
  assert.equal(second.status, 1, `the changed expectation fails the second run\n${second.out}`);

  const changes = readFileSync(join(reports, 'changes.md'), 'utf8');
  const lines = changes.split('\n').filter((l) => l.startsWith('- '));
  assert.equal(lines.length, 1, changes);
  assert.match(
    lines[0]!,
    new RegExp(`^- \`${PROBE.replace('.', '\\.')}\` in \\*\\*firefox\\*\\* \\(Firefox [0-9.]+\\): pass → pass, not expected \\(expected unsupported\\)$`),
  );
  assert.match(changes, /## Newly failing \(1\)/);

  const report = readCompatFile(join(reports, 'compat.json'));
  const page = readFileSync(join(reports, 'index.html'), 'utf8');
  for (const name of PROJECTS) {
    const engine = report.projects[name]!.engine!;
    const head = `<span class="project">${name}</span><span class="engine">${engineLabel(engine)}</span>`;
    assert.ok(page.includes(head), `index.html shows ${name} with its engine version: ${head}`);
  }
  assert.match(page, new RegExp(`${PROBE.replace('.', '\\.')}`));

  // The formats beside the page, from this real run: features.json against webassembly.org's
  // schema, and both JUnit files through a real JUnit reader, each with the one failure.
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests/fixtures/compat/features.schema.json'), 'utf8')));
  const features = JSON.parse(readFileSync(join(reports, 'features.json'), 'utf8')) as { browsers: Record<string, unknown> };
  assert.ok(validate(features), JSON.stringify(validate.errors));
  assert.deepEqual(Object.keys(features.browsers).sort(), PROJECTS.map((name) => engineLabel(report.projects[name]!.engine!)).sort());
  const { parse } = createRequire(import.meta.url)('test-results-parser') as {
    parse(o: { type: 'junit'; files: string[] }): { total: number; failed: number; skipped: number };
  };
  const junit = parse({ type: 'junit', files: [join(reports, 'junit.xml')] });
  assert.deepEqual([junit.total, junit.failed], [PROJECTS.length * 4, 1], 'junit.xml: four spec tests per project, the execution test of firefox failing');
  const probes = parse({ type: 'junit', files: [join(reports, 'junit-probes.xml')] });
  const probeCount = PROJECTS.reduce((n, name) => n + report.projects[name]!.probes.length, 0);
  // The reader counts skipped cases (unsupported, as expected) apart from its total.
  assert.ok(
    probes.total + probes.skipped >= probeCount,
    `junit-probes.xml: ${probes.total} + ${probes.skipped} skipped testcases read, for ${probeCount} probes`,
  );
  assert.equal(probes.failed, 1, 'junit-probes.xml: the one failing probe');

  // The run's own teardown appended both runs to the store and drew trends.html after each.
  const store = openStore(join(reports, 'history.sqlite'), { readOnly: true });
  const stored = store.contents();
  store.close();
  assert.deepEqual(
    stored.runs.map((r) => [r.kind, r.subject, r.wallMs !== null && r.wallMs > 0]),
    [
      ['suite', report.subject!.name, true],
      ['suite', report.subject!.name, true],
    ],
  );
  assert.equal(stored.runs[1]!.runId, report.runId);
  assert.deepEqual(
    stored.outcomes.filter((o) => o.item === PROBE && o.project === 'firefox').map((o) => o.kind),
    ['pass', 'fail'],
  );
  assert.ok(page.includes('href="trends.html"'), 'the matrix links the trends page');
  const trends = readFileSync(join(reports, 'trends.html'), 'utf8');
  assert.match(trends, new RegExp(`<th scope="row">${PROBE.replace('.', '\\.')}</th><td>firefox</td><td>[^<]+</td><td>#2 `));
});
