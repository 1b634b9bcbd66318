// One reports folder: with WASM_COMPAT_REPORTS_DIR set, every writer — compat.json and its merge
// by the Appium run, both Playwright HTML reports, the benchmark runs and summaries, the size
// report, Lighthouse's folder — writes under it, keeps the earlier report in its history, and
// leaves the repository's reports/ untouched.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { FullConfig } from '@playwright/test/reporter';
import { writeSummaryReports } from '../../benches/report/writeReports.ts';
import { archive, historyLimit } from '../../reporting/history.ts';
import { openReportSet } from '../../reporting/reportSet.ts';
import { writeFileAtomic } from '../../reporting/writeWhole.ts';
import { reportPath, reportsDir } from '../../reporting/reportsFolder.ts';
import { JOIN_RUN_ENV, readJoinedRun, startRun } from '../../runner/currentRun.ts';
import globalTeardown from '../../runner/globalTeardown.ts';
import { readCompatFile } from '../../runner/readCompat.ts';
import { recordVerdicts, saveTest } from '../../runner/testRecord.ts';
import { recordedTest } from './recordedTest.ts';
import { dropHandOff } from '../../runner/handOff.ts';
import { childEnvironment, setInEnvironment } from '../../settings/environment.ts';

const REPO_REPORTS = resolve('reports');
let dir: string;
let before_: string;

/** Every file under reports/ with its modification time: what must not change. */
function snapshot(folder: string): string {
  if (!existsSync(folder)) return '';
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [`${relative(folder, join(d, e.name))} ${statSync(join(d, e.name)).mtimeMs}`],
    );
  return walk(folder).sort().join('\n');
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wasm-compat-reports-'));
  before_ = snapshot(REPO_REPORTS);
  setInEnvironment('WASM_COMPAT_REPORTS_DIR', dir);
});

after(() => {
  setInEnvironment('WASM_COMPAT_REPORTS_DIR', undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('the setting is read when a writer asks: reports/ by default, the folder given otherwise', () => {
  assert.equal(reportsDir(), dir);
  assert.equal(reportPath('bench', 'node.json'), join(dir, 'bench', 'node.json'));
  assert.equal(reportsDir({}), REPO_REPORTS);
  assert.equal(reportsDir({ WASM_COMPAT_REPORTS_DIR: 'relative/x' }), resolve('relative/x'));
});

test('compat.json, and the Appium run joining it, land there; the earlier one goes to its history', async () => {
  const config = (projects: string[]) =>
    ({
      version: 'test',
      reporter: [['html', { outputFolder: join(dir, 'playwright') }]],
      configFile: undefined,
      projects: projects.map((name) => ({ name, use: {} })),
    }) as unknown as FullConfig;
  /** A run as the global setup starts it and the teardown ends it, with one passing test of `project`. */
  const run = async (project: string) => {
    const started = startRun();
    // The run's folder holds more than the tests (the engine records the fixtures keep): only tests are folded.
    writeFileAtomic(join(started.records, `engine-${project}.json`), '{}');
    const t = recordedTest(project);
    await recordVerdicts(t.testInfo, []);
    saveTest(started, t.testInfo, 'ended', Date.now());
    await globalTeardown(config([project]));
    return started.id;
  };
  writeFileAtomic(reportPath('compat.json'), '{"stale": true}');
  archive(reportPath('compat.json'), 'compat', '.json');
  const browserRun = await run('chromium');
  setInEnvironment(JOIN_RUN_ENV, browserRun);
  try {
    await run('appium-chromium');
  } finally {
    setInEnvironment(JOIN_RUN_ENV, undefined);
  }
  const report = readCompatFile(join(dir, 'compat.json'));
  assert.equal(report.runId, browserRun, 'the joined file stays the browser run');
  assert.deepEqual(Object.keys(report.projects).sort(), ['appium-chromium', 'chromium']);
  assert.equal(report.projects.chromium!.htmlReport, 'playwright', 'where its tests are in the HTML report, relative to the reports folder');
  assert.equal(
    readdirSync(join(dir, 'history')).filter((f) => /^compat-.*\.json$/.test(f)).length,
    2,
    'the stale file, then the browser run before the join rewrote it',
  );
  // A join names the run it joins; any other file is refused, naming both.
  assert.throws(
    () => readJoinedRun(reportPath('compat.json'), 'some-other-run'),
    new RegExp(`WASM_COMPAT_JOIN_RUN=some-other-run: .*compat\\.json is from run ${browserRun}, not the run to join`),
  );
  dropHandOff();
});

test("compat.json lists the projects in the config's order, whichever worker finished first", async () => {
  const started = startRun();
  for (const project of ['firefox', 'chromium']) {
    const t = recordedTest(project);
    await recordVerdicts(t.testInfo, []);
    saveTest(started, t.testInfo, 'ended', Date.now());
  }
  await globalTeardown({
    version: 'test',
    reporter: [],
    configFile: undefined,
    projects: ['chromium', 'firefox'].map((name) => ({ name, use: {} })),
  } as unknown as FullConfig);
  dropHandOff();
  const report = readCompatFile(join(dir, 'compat.json'));
  assert.deepEqual(Object.keys(report.projects), ['chromium', 'firefox']);
});

test('both Playwright configs put their HTML report there', () => {
  for (const config of ['playwright.config.ts', 'playwright.appium.config.ts']) {
    const folder = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const c = (await import(${JSON.stringify(resolve(config))})).default; console.log(c.reporter.find(([n]) => n === 'html')[1].outputFolder);`,
      ],
      {
        encoding: 'utf8',
        env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir }),
      },
    ).trim();
    assert.equal(folder, join(dir, config === 'playwright.config.ts' ? 'playwright' : 'playwright-appium'), config);
  }
});

test('the benchmark summaries land there', () => {
  writeSummaryReports(reportPath('bench'));
  assert.ok(existsSync(join(dir, 'bench', 'summary.md')) && existsSync(join(dir, 'bench', 'index.html')));
});

test('the size report of wasm-opt lands there', () => {
  const pkg = mkdtempSync(join(tmpdir(), 'wasm-compat-pkg-'));
  try {
    for (const f of ['build-info.json', 'wasm_compat_bg.wasm']) copyFileSync(join('crate', 'pkg', f), join(pkg, f));
    copyFileSync(join(pkg, 'wasm_compat_bg.wasm'), join(pkg, 'wasm_compat_bg.wasm.orig'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'build/recordOptimization.ts', pkg, '--level', 'unit-test', '--flags=-O0', '--wasm-opt', 'none'],
      {
        encoding: 'utf8',
        env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir, SKIP_COMPRESSION: '1' }),
      },
    );
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(existsSync(join(dir, 'size', 'optimize-unit-test.json')));
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});

test("Lighthouse's folder is swapped in there, the previous set kept in the history", () => {
  for (const run of ['first', 'second']) {
    const folder = openReportSet('lighthouse');
    folder.write('summary.md', `# ${run}\n`);
    folder.commit();
  }
  assert.equal(readFileSync(join(dir, 'lighthouse', 'summary.md'), 'utf8'), '# second\n');
  assert.equal(readdirSync(join(dir, 'history')).filter((f) => f.startsWith('lighthouse-')).length, 1);
});

test("nothing was written to the repository's reports/", () => {
  assert.equal(snapshot(REPO_REPORTS), before_);
});

test('the history keeps the last N of each kind, pruned by count (WASM_COMPAT_HISTORY_RUNS, default 5)', () => {
  assert.equal(historyLimit({}), 5);
  assert.equal(historyLimit({ WASM_COMPAT_HISTORY_RUNS: '2' }), 2);
  assert.throws(() => historyLimit({ WASM_COMPAT_HISTORY_RUNS: 'ten' }), /WASM_COMPAT_HISTORY_RUNS="ten": expected a whole number ≥ 1/);
  assert.throws(() => historyLimit({ WASM_COMPAT_HISTORY_RUNS: '0' }), /WASM_COMPAT_HISTORY_RUNS="0"/);
  const file = reportPath('pruned.json');
  setInEnvironment('WASM_COMPAT_HISTORY_RUNS', '2');
  try {
    for (let i = 0; i < 4; i++) {
      writeFileAtomic(file, `{"run": ${i}}`);
      // Each archived name carries the file's mtime; distinct times keep them apart.
      utimesSync(file, new Date(Date.UTC(2026, 10, 29, 10, i)), new Date(Date.UTC(2026, 10, 29, 10, i)));
      archive(file, 'pruned', '.json');
    }
  } finally {
    setInEnvironment('WASM_COMPAT_HISTORY_RUNS', undefined);
  }
  const kept = readdirSync(join(dir, 'history'))
    .filter((f) => f.startsWith('pruned-'))
    .sort();
  assert.deepEqual(
    kept.map((f) => JSON.parse(readFileSync(join(dir, 'history', f), 'utf8')).run),
    [2, 3],
    'the newest two',
  );
});
