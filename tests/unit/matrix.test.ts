// The matrix generator on stored runs (tests/fixtures/compat/): the page's columns and cells, the
// changes between two runs, features.json against webassembly.org's schema, the JUnit file through
// a real JUnit reader, wptreport's shape, and bad input named.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { changesMarkdown, compareRuns } from '../../matrix/changes.ts';
import { featuresJson } from '../../matrix/featuresJson.ts';
import { junitProbes } from '../../matrix/junitProbes.ts';
import { buildMatrix, summarize } from '../../matrix/matrixModel.ts';
import { mergeRuns } from '../../matrix/mergeRuns.ts';
import { readRun, RunFileError, runsBefore, storedRuns } from '../../matrix/readRun.ts';
import { writeMatrix } from '../../matrix/writeMatrix.ts';
import { wptReport } from '../../matrix/wptReport.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/compat/', import.meta.url));
const good = readRun(join(FIXTURES, 'all-pass.json'));
const bad = readRun(join(FIXTURES, 'failing-and-not-run.json'));
const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-matrix-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const { parse: parseJUnit } = createRequire(import.meta.url)('test-results-parser') as {
  parse(o: { type: 'junit'; files: string[] }): {
    total: number;
    failed: number;
    skipped: number;
    suites: Array<{ name: string; cases: Array<{ name: string; status: string; failure?: string }> }>;
  };
};

test('every project is a column with its engine and version, or why it did not run', () => {
  const groups = buildMatrix(bad.report);
  assert.deepEqual(
    groups.map((g) => g.target),
    ['preview', 'nginx', 'not-isolated'],
  );
  const primary = groups[0]!;
  assert.deepEqual(
    primary.columns.map((c) => [c.project, c.engine, c.version]),
    [
      ['chromium', 'Chromium', '156.0.8078.108'],
      ['firefox', 'Firefox', '153.8.0'],
      ['webkit', null, null],
      ['pixel5', 'Chromium', '157.0.7100.2'],
      ['iphone12', 'WebKitGTK', '2.50.6'],
    ],
  );
  const webkit = primary.columns.find((c) => c.project === 'webkit')!;
  assert.equal(webkit.ran, false);
  assert.match(webkit.reason!, /WebKitWebDriver/);
  assert.deepEqual(primary.columns.find((c) => c.project === 'iphone12')!.notApplied, [
    'deviceScaleFactor 3',
    'isMobile (mobile viewport meta handling)',
    'hasTouch (touch events)',
  ]);
});

test('cells: features split into validates and computes correctly; a not-run column is "not run" in every row', () => {
  const [primary] = buildMatrix(bad.report);
  const titles = primary!.sections.map((s) => s.title);
  assert.ok(titles.includes('Features: validates') && titles.includes('Features: computes correctly (known answers)'), titles.join(' | '));
  assert.equal(titles[0], "What wasm-compat's module needs");
  const row = (section: string, id: string) => primary!.sections.find((s) => s.title === section)!.rows.find((r) => r.id === id)!;
  const validates = row('Features: validates', 'features.simd#validates');
  const computes = row('Features: computes correctly (known answers)', 'features.simd#computes');
  assert.deepEqual([validates.cells.firefox!.kind, validates.cells.firefox!.text], ['pass', 'validates']);
  assert.deepEqual([computes.cells.firefox!.kind, computes.cells.firefox!.text], ['fail', 'wrong answer']);
  assert.match(computes.cells.firefox!.detail, /lane 3: got 0, want 7/);
  assert.ok(computes.cells.firefox!.testId, 'the cell knows its Playwright test');
  assert.equal(computes.cells.chromium!.kind, 'pass');
  for (const s of primary!.sections) for (const r of s.rows) assert.equal(r.cells.webkit!.kind, 'not-run', `${s.title} / ${r.id}`);
  const relaxed = row('Features: validates', 'features.relaxedSimd#validates');
  assert.deepEqual([relaxed.cells.iphone12!.kind, relaxed.cells.iphone12!.text], ['unsupported-as-expected', 'does not validate (unsupported, as expected)']);
  const rust = primary!.sections.find((s) => s.kind === 'rust-tests')!;
  const failed = rust.rows.find((r) => r.id === 'rust:web::f64_edge_values_survive_sorting@main thread')!;
  assert.deepEqual([failed.cells.firefox!.kind, failed.cells.chromium!.kind], ['fail', 'pass']);
  assert.equal(rust.rows.find((r) => r.id === 'rust:web::allocates_and_frees_64_mib@main thread')!.cells.chromium!.kind, 'skipped');

  const summary = summarize(buildMatrix(bad.report));
  assert.deepEqual(
    summary.notRun.map((n) => n.project),
    ['webkit'],
  );
  assert.deepEqual(summary.failing, [{ project: 'firefox', count: 2 }]);
  assert.deepEqual(summarize(buildMatrix(good.report)).failing, []);
});

test('changes: exactly what differs, each naming the item, the project and its engine', () => {
  const changes = compareRuns(bad.report, [good]);
  assert.deepEqual(
    changes.changes.map((c) => [c.kind, c.project, c.item]),
    [
      ['newly-failing', 'firefox', 'features.simd'],
      ['newly-failing', 'firefox', 'rust test web::f64_edge_values_survive_sorting (main thread)'],
      ['project', 'webkit', 'the project'],
      ['engine-version', 'pixel5', 'Chromium'],
    ],
  );
  const md = changesMarkdown(bad.report, changes);
  assert.match(md, /## Newly failing \(2\)/);
  assert.match(md, /- `features\.simd` in \*\*firefox\*\* \(Firefox 153\.8\.0\): pass → fail \(expected pass\)/);
  assert.match(md, /- `Chromium` in \*\*pixel5\*\* \(Chromium 157\.0\.7100\.2\): 156\.0\.8078\.108 → 157\.0\.7100\.2/);
  assert.match(md, /- `the project` in \*\*webkit\*\* \(WebKitGTK 2\.50\.6\): ran → not run: WebKit not found/);
  assert.deepEqual(compareRuns(good.report, [good]).changes, [], 'a run against itself has no changes');
  assert.match(changesMarkdown(good.report, compareRuns(good.report, [])), /No earlier run/);
  // A changed requirement of the module: it now needs SIMD, which raises Safari's minimum.
  const needsSimd = structuredClone(bad.report);
  needsSimd.subject!.requirements!.features.push({ ...needsSimd.subject!.requirements!.features[0]!, feature: 'simd', probe: 'features.simd' });
  needsSimd.subject!.requirements!.minimum.Safari = { version: '16.4', limitedBy: ['simd'] };
  const req = compareRuns(needsSimd, [bad]).changes.filter((c) => c.kind === 'requirement');
  assert.deepEqual(
    req.map((c) => [c.item, c.before, c.after]),
    [
      ['simd', 'not needed', 'needed'],
      ['minimum Safari', '15', '16.4'],
    ],
  );
});

test('the history: runs ordered by when they were generated, the current one compared with those before it', () => {
  const dir = join(scratch, 'history-order');
  cpSync(join(FIXTURES, 'failing-and-not-run.json'), join(dir, 'compat.json'));
  // File names that sort the wrong way round: the order comes from generatedAt.
  cpSync(join(FIXTURES, 'all-pass.json'), join(dir, 'history', 'compat-9999.json'));
  writeFileSync(join(dir, 'history', 'compat-0000.json'), '{ not json');
  const all = storedRuns(dir);
  assert.deepEqual(
    all.map((r) => r.report.generatedAt),
    ['2026-11-29T10:00:00.000Z', '2026-11-29T11:00:00.000Z'],
  );
  const current = all.find((r) => r.path === join(dir, 'compat.json'))!;
  assert.deepEqual(
    runsBefore(current, all).map((r) => r.report.generatedAt),
    ['2026-11-29T10:00:00.000Z'],
  );
});

test('features.json validates against webassembly.org features.schema.json, one browser per engine version that ran', () => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'features.schema.json'), 'utf8')));
  for (const run of [good, bad]) {
    const out = featuresJson(run.report);
    assert.ok(validate(out), JSON.stringify(validate.errors, null, 2));
  }
  const out = featuresJson(bad.report);
  assert.deepEqual(Object.keys(out.browsers), ['Chromium 156.0.8078.108', 'Chromium 157.0.7100.2', 'Firefox 153.8.0', 'WebKitGTK 2.50.6']);
  assert.equal(out.browsers['Firefox 153.8.0']!.features.simd, false, 'a wrong answer is not support');
  assert.equal(out.browsers['Chromium 156.0.8078.108']!.features.simd, true);
  assert.deepEqual(out.browsers['Chromium 156.0.8078.108']!.features.typeReflection, [
    'flag',
    'off by default in Chromium 156.0.8078.108; behind chrome://flags/#enable-experimental-webassembly-features',
  ]);
  assert.equal(out.browsers['WebKitGTK 2.50.6']!.features.relaxedSimd, false, 'WebKitGTK documents no flag here');
  assert.equal(out.features.simd!.description, 'Fixed-width SIMD');
});

test('junit-probes.xml: a real JUnit reader sees one testcase per probe per project, failures and skips as the matrix has them', () => {
  const file = join(scratch, 'junit-probes.xml');
  writeFileSync(file, junitProbes(bad.report));
  const read = parseJUnit({ type: 'junit', files: [file] });
  const matrix = buildMatrix(bad.report);
  const expectedCases = matrix.reduce(
    (n, g) => n + g.columns.length * g.sections.filter((s) => s.kind !== 'rust-tests').reduce((m, s) => m + s.rows.length, 0),
    0,
  );
  // The reader counts skipped cases apart from its total.
  assert.equal(
    read.suites.reduce((n, s) => n + s.cases.length, 0),
    expectedCases,
  );
  assert.equal(read.total + read.skipped, expectedCases);
  assert.equal(read.suites.length, 7);
  const firefox = read.suites.find((s) => s.name.startsWith('firefox '))!;
  const failed = firefox.cases.filter((c) => c.status === 'FAIL').map((c) => c.name);
  assert.equal(failed.length, 1, failed.join(', '));
  assert.match(failed[0]!, /^features\.simd \(computes\): /);
  const webkit = read.suites.find((s) => s.name.startsWith('webkit '))!;
  assert.ok(webkit.cases.length > 0 && webkit.cases.every((c) => c.status === 'SKIP'), 'a project that did not run: every case skipped');
  assert.equal(parseJUnit({ type: 'junit', files: [file] }).failed, 1);
});

test('wptreport per project: results[].subtests[], run_info with product, browser_version and os', () => {
  const report = wptReport(bad.report, 'firefox')!;
  assert.deepEqual([report.run_info.product, report.run_info.browser_version, typeof report.run_info.os], ['firefox', '153.8.0', 'string']);
  const features = report.results.find((r) => r.test === '/wasm-compat/features')!;
  assert.equal(features.status, 'OK');
  assert.deepEqual(
    features.subtests.find((s) => s.name === 'features.simd'),
    { name: 'features.simd', status: 'FAIL', message: 'fail: validates; i32x4.add lane 3: got 0, want 7', expected: 'PASS' },
  );
  const iphone = wptReport(bad.report, 'iphone12')!;
  assert.deepEqual(
    iphone.results.find((r) => r.test === '/wasm-compat/features')!.subtests.find((s) => s.name === 'features.relaxedSimd'),
    {
      name: 'features.relaxedSimd',
      status: 'FAIL',
      message: iphone.results.find((r) => r.test === '/wasm-compat/features')!.subtests.find((s) => s.name === 'features.relaxedSimd')!.message,
    },
    'unsupported as expected: FAIL with no `expected`',
  );
  const rust = report.results.find((r) => r.test === '/wasm-compat/rust/web/main-thread')!;
  assert.equal(rust.subtests.find((s) => s.name === 'f64_edge_values_survive_sorting')!.status, 'FAIL');
  assert.equal(rust.subtests.find((s) => s.name === 'allocates_and_frees_64_mib')!.status, 'NOTRUN');
  assert.equal(wptReport(bad.report, 'webkit'), null, 'no report for a project that did not run');
});

test('writeMatrix: every file, the page links only what exists, and bad input is named', () => {
  const dir = join(scratch, 'write');
  cpSync(join(FIXTURES, 'all-pass.json'), join(dir, 'history', 'compat-a.json'));
  cpSync(join(FIXTURES, 'failing-and-not-run.json'), join(dir, 'compat.json'));
  const written = writeMatrix(readRun(join(dir, 'compat.json')), dir);
  assert.deepEqual(
    written.files.map((f) => f.slice(dir.length + 1)),
    ['features.json', 'junit-probes.xml', 'wpt', 'changes.md', 'index.html'],
  );
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.match(page, /<a href="playwright\/index\.html#\?testId=[0-9a-f-]+">/);
  assert.match(page, /<a href="features\.json">/);
  assert.doesNotMatch(page, /href="bench\/index\.html"/, 'no link to a report that is not there');
  assert.match(page, /2 results not as expected, in firefox \(2\)\. 7 projects: 6 ran, 1 not run \(webkit\)\./);
  assert.match(page, /Newly failing \(2\)/);
  assert.doesNotMatch(page, /<script/i, 'a static page');

  writeFileSync(join(dir, 'broken.json'), '{"earlier": "run"}');
  const unversioned = /broken\.json: not a wasm-compat compat\.json: it has no schema version/;
  assert.throws(
    () => readRun(join(dir, 'broken.json')),
    (e: Error) => e instanceof RunFileError && unversioned.test(e.message),
  );
  writeFileSync(join(dir, 'newer.json'), '{"schema": 2}');
  const newer = /newer\.json: schema version 2 is not one this wasm-compat reads \(1\)/;
  assert.throws(
    () => readRun(join(dir, 'newer.json')),
    (e: Error) => e instanceof RunFileError && newer.test(e.message),
  );
  assert.throws(() => readRun(join(dir, 'missing.json')), /no such file/);
  writeFileSync(join(dir, 'truncated.json'), '{"schema": 1, "projects": {');
  assert.throws(() => readRun(join(dir, 'truncated.json')), /is not JSON/);
});

test("merging CI's per-engine files: every project, one subject; different builds are refused by name", () => {
  const dir = join(scratch, 'merge');
  const split = (name: string, projects: string[], generatedAt: string) => {
    const r = structuredClone(good.report);
    r.generatedAt = generatedAt;
    r.projects = Object.fromEntries(projects.map((p) => [p, good.report.projects[p]!]));
    const file = join(dir, `${name}.json`);
    cpSync(join(FIXTURES, 'all-pass.json'), file);
    writeFileSync(file, JSON.stringify(r));
    return readRun(file);
  };
  const merged = mergeRuns([split('b', ['firefox', 'webkit'], '2026-11-29T10:05:00.000Z'), split('a', ['chromium'], '2026-11-29T10:01:00.000Z')]);
  assert.deepEqual(Object.keys(merged.projects), ['chromium', 'firefox', 'webkit']);
  assert.equal(merged.generatedAt, '2026-11-29T10:05:00.000Z');
  const other = split('other', ['pixel5'], '2026-11-29T10:06:00.000Z');
  other.report.subject!.wasm!.sha256 = '0'.repeat(64);
  assert.throws(
    () => mergeRuns([split('c', ['chromium'], '2026-11-29T10:01:00.000Z'), other]),
    (e: Error) => e instanceof RunFileError && /other\.json tested wasm-compat 0\.1\.0 \(\.wasm 000000000000\).*do not merge/.test(e.message),
  );
  assert.throws(() => mergeRuns([]), /nothing to merge/);
});

test("one project's shards merge into one column: verdicts and Rust tests together, counts added, the summary and features worked out again", () => {
  const dir = join(scratch, 'shards');
  const chromium = good.report.projects.chromium!;
  const features = chromium.probes.filter((p) => p.category === 'features');
  const others = chromium.probes.filter((p) => p.category !== 'features');
  assert.ok(features.length && others.length);
  const shard = (name: string, probes: typeof chromium.probes, tests: number, generatedAt: string) => {
    const r = structuredClone(good.report);
    r.generatedAt = generatedAt;
    const summary = { pass: 0, fail: 0, 'unsupported-as-expected': 0, 'unsupported-unexpectedly': 0, info: 0 };
    for (const p of probes) summary[p.status]++;
    r.projects = { chromium: { ...structuredClone(chromium), probes, summary, tests: { passed: tests, failed: 0, skipped: 0 } } };
    const file = join(dir, `${name}.json`);
    cpSync(join(FIXTURES, 'all-pass.json'), file);
    writeFileSync(file, JSON.stringify(r));
    return readRun(file);
  };
  const merged = mergeRuns([shard('one', features, 1, '2026-11-29T10:01:00.000Z'), shard('two', others, 4, '2026-11-29T10:02:00.000Z')]).projects.chromium!;
  // Before shards were merged, the later file's project replaced the earlier's: its feature verdicts were lost.
  assert.equal(merged.probes.length, chromium.probes.length);
  assert.deepEqual(merged.summary, chromium.summary);
  assert.deepEqual(merged.features, chromium.features);
  assert.deepEqual(merged.tests, { passed: 5, failed: 0, skipped: 0 });
  const moved = shard('three', others, 1, '2026-11-29T10:03:00.000Z');
  moved.report.projects.chromium!.engine!.version = '1.0.0';
  assert.throws(
    () => mergeRuns([shard('four', features, 1, '2026-11-29T10:01:00.000Z'), moved]),
    (e: Error) =>
      e instanceof RunFileError &&
      /project chromium ran chromium .* in .*four\.json and chromium 1\.0\.0 in .*three\.json: a project's shards must run the same engine build/.test(
        e.message,
      ),
  );
});
