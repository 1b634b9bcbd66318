// The one list of settings (settings/settings.ts): every WASM_COMPAT_* variable the project reads
// or sets is in it, and each one listed is used somewhere; a value a setting does not take is an
// error naming the setting, the value and what it takes; docs/settings.md is made from the list.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { join, resolve } from 'node:path';
import { EVERY_PROBE } from '../../harness/probes/probeSelection.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { reportsDir } from '../../reporting/reportsFolder.ts';
import { browserProjects, chosenProjects } from '../../runner/projects.ts';
import { planTargets } from '../../serving/targets/plan.ts';
import { configSchema } from '../../settings/config.ts';
import { childEnvironment, OUTSIDE_VARIABLES, outsideVariable } from '../../settings/environment.ts';
import { projectConfig, readSetting, SETTINGS, SettingError } from '../../settings/settings.ts';
import { settingsMarkdown } from '../../settings/settingsTable.ts';

const listed = Object.values(SETTINGS).map((s) => s.env);

const grep = (pattern: string) =>
  execFileSync('git', ['grep', '-noE', pattern, '--', '*.ts', '*.sh', '*.yml', '*.cjs', ':!tests', ':!settings'], { encoding: 'utf8' }).trim().split('\n');

/** Every WASM_COMPAT_* name in the project's code, scripts and workflows (not the tests, docs or the list itself), named or read through readSetting. */
function namesInUse(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, file: string) => names.set(name, [...(names.get(name) ?? []), file]);
  for (const line of grep('WASM_COMPAT_[A-Z0-9_]+')) {
    const [file, , name] = line.split(':');
    if (name) add(name, file!);
  }
  for (const line of grep("readSetting\\('[A-Za-z]+'|SETTINGS\\.[A-Za-z]+")) {
    const [file, , use] = line.split(':');
    const key = /readSetting\('([A-Za-z]+)'|SETTINGS\.([A-Za-z]+)/.exec(use ?? '');
    const setting = (SETTINGS as Record<string, { env: string } | undefined>)[key?.[1] ?? key?.[2] ?? ''];
    if (setting) add(setting.env, file!);
  }
  return names;
}

test('every WASM_COMPAT_* variable the project uses is listed, and every one listed is used', () => {
  const used = namesInUse();
  const unlisted = [...used].filter(([name]) => !listed.includes(name)).map(([name, files]) => `${name} (${[...new Set(files)].join(', ')})`);
  assert.deepEqual(unlisted, [], 'read or set but not in settings/settings.ts');
  assert.deepEqual(
    listed.filter((name) => !used.has(name)),
    [],
    'listed in settings/settings.ts but used nowhere',
  );
  assert.equal(new Set(listed).size, listed.length, 'each listed once');
});

test('the environment of the process is reached only through settings/environment.ts; each outside variable it lists is read', () => {
  const files = execFileSync('git', ['grep', '-l', 'process\\.env', '--', '*.ts', '*.js', '*.mjs', '*.cjs'], { encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(files, ['settings/environment.ts'], 'these reach the environment of the process themselves: go through settings/environment.ts');
  const reads = execFileSync('git', ['grep', '-hoE', "outsideVariable\\('[A-Z_]+'", '--', '*.ts', ':!tests', ':!settings'], { encoding: 'utf8' });
  const read = new Set([...reads.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]));
  assert.deepEqual(
    Object.keys(OUTSIDE_VARIABLES).filter((name) => !read.has(name)),
    [],
    'listed in OUTSIDE_VARIABLES but read nowhere',
  );
  assert.equal(outsideVariable('CI', { CI: 'true' }), 'true');
  const child = childEnvironment({ WASM_COMPAT_MATRIX: '0', HOME: undefined });
  assert.equal(child.WASM_COMPAT_MATRIX, '0');
  assert.ok(!('HOME' in child), 'undefined takes a variable out of the child');
});

test('a value a setting does not take is an error naming the setting, the value and what it takes', () => {
  assert.throws(
    () => readSetting('matrix', { WASM_COMPAT_MATRIX: 'yes' }),
    (e: unknown) => e instanceof SettingError && /^WASM_COMPAT_MATRIX="yes": .* \(it takes 0 or 1\)$/.test(e.message),
  );
  assert.throws(() => readSetting('historyRuns', { WASM_COMPAT_HISTORY_RUNS: '0' }), /WASM_COMPAT_HISTORY_RUNS="0": expected a whole number ≥ 1/);
  assert.throws(() => readSetting('baseUrl', { WASM_COMPAT_BASE_URL: 'staging' }), /WASM_COMPAT_BASE_URL="staging": expected a URL/);
  assert.throws(() => readSetting('lighthousePort', { WASM_COMPAT_LIGHTHOUSE_PORT: '70000' }), /expected a port from 1 to 65535/);
  assert.equal(readSetting('matrix', { WASM_COMPAT_MATRIX: '1' }), true);
  assert.equal(readSetting('matrix', {}), undefined);
  assert.equal(readSetting('matrix', { WASM_COMPAT_MATRIX: '' }), undefined, 'set to nothing is unset');
  assert.deepEqual(readSetting('require', { WASM_COMPAT_REQUIRE: 'chromium, firefox,' }), ['chromium', 'firefox']);
  assert.equal(readSetting('historyRuns', { WASM_COMPAT_HISTORY_RUNS: '12' }), 12);
});

test('docs/settings.md is what the list makes', () => {
  assert.equal(readFileSync('docs/settings.md', 'utf8'), settingsMarkdown(), 'stale: run npm run docs');
  for (const name of listed) assert.ok(settingsMarkdown().includes(`\`${name}\``), name);
});

test('wasm-compat.config.ts sets what the environment does not; the environment wins; a bad key or value is named', () => {
  assert.equal(readSetting('matrix', {}, { matrix: true }), true);
  assert.equal(readSetting('matrix', { WASM_COMPAT_MATRIX: '0' }, { matrix: true }), false, 'the environment wins');
  assert.deepEqual(readSetting('rustModes', {}, { rustModes: ['main thread'] }), ['main thread']);
  assert.equal(readSetting('historyRuns', {}, { historyRuns: 9 }), 9);
  assert.equal(readSetting('crate', {}, { crate: 'elsewhere' }), undefined, 'the subject is resolved by subject/, which reads the file itself');
  assert.deepEqual(configSchema.safeParse({ matrix: true, projects: ['chromium'] }).success, true);
  const badKey = configSchema.safeParse({ matrx: true });
  assert.equal(badKey.success, false);
  assert.match(JSON.stringify(badKey.error?.issues), /matrx/);
  const badValue = configSchema.safeParse({ historyRuns: 0 });
  assert.deepEqual(badValue.error?.issues[0]?.path, ['historyRuns']);
  assert.deepEqual(projectConfig(), configSchema.parse(projectConfig()), "this project's own file passes its schema");
});

test('the projects a run has: every one, or those named; an unknown name names the known ones', () => {
  assert.deepEqual(
    chosenProjects({}).map((p) => p.name),
    ['chromium', 'firefox', 'webkit', 'pixel5', 'iphone12'],
  );
  assert.deepEqual(
    chosenProjects({ WASM_COMPAT_PROJECTS: 'firefox,chromium' }).map((p) => p.name),
    ['chromium', 'firefox'],
    "the registry's order",
  );
  assert.throws(
    () => chosenProjects({ WASM_COMPAT_PROJECTS: 'chromium netscape' }),
    /projects netscape .*: no such project; the projects: chromium, firefox, webkit, pixel5, iphone12/,
  );
  const names = browserProjects(planTargets({ WASM_COMPAT_MATRIX: '1' }), EVERY_PROBE, { WASM_COMPAT_PROJECTS: 'webkit' }).map((p) => p.name);
  assert.deepEqual(names, ['webkit', 'webkit@nginx', 'webkit@credentialless', 'webkit@not-isolated'], 'its serving variants follow it');
});

test("the reports folder: the environment's from where the command runs, the file's from the project", () => {
  assert.equal(reportsDir({ WASM_COMPAT_REPORTS_DIR: 'out' }, { reportsDir: 'ignored' }), resolve('out'));
  assert.equal(reportsDir({}, { reportsDir: 'custom-reports' }), join(PROJECT_ROOT, 'custom-reports'));
  assert.equal(reportsDir({}, {}), join(PROJECT_ROOT, 'reports'));
});
