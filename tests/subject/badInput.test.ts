// Bad input names its cause in one line (the compiler's own last lines follow a failed build), and
// the run stops there: every case goes through the command a user types (npm run build:subject; once
// through npx playwright test), on a fixture made here in a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resolveSubjectFrom } from '../../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { SUBJECT_TESTS_TARGET, useFixtureLock } from './cargoTarget.ts';
import { childEnvironment } from '../../settings/environment.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-subject-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder under the scratch one with these files. */
function fixture(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const cargoToml = (name: string, lib: string, deps = '') =>
  `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n${lib}\n[dependencies]\n${deps}\n\n[workspace]\n`;
const CDYLIB = '[lib]\ncrate-type = ["cdylib", "rlib"]\n';
// The demo's pin, so the build reuses the wasm-bindgen-cli the project already has.
const WASM_BINDGEN = 'wasm-bindgen = "=0.2.130"';

/** npm run build:subject with WASM_COMPAT_CRATE=crate: its exit code and what it printed on stderr. */
function buildSubject(crate: string, extraEnv: Record<string, string> = {}): { status: number | null; stderr: string; stdout: string } {
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/buildSubject.ts'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: childEnvironment({ WASM_COMPAT_CRATE: crate, ...extraEnv }),
    timeout: 600_000,
  });
  return { status: run.status, stderr: run.stderr.trim(), stdout: run.stdout.trim() };
}

/** Exits 1 with one line on stderr matching `message`. */
function failsWithOneLine(crate: string, message: RegExp): void {
  const run = buildSubject(crate);
  assert.equal(run.status, 1, `exit status; stderr: ${run.stderr}`);
  assert.equal(run.stderr.split('\n').length, 1, `one line: ${run.stderr}`);
  assert.match(run.stderr, message);
}

test('a path that does not exist', () => {
  failsWithOneLine(join(scratch, 'nowhere'), /^wasm-compat: WASM_COMPAT_CRATE=.*nowhere: .*nowhere does not exist$/);
});

test('a path that is not a crate (no Cargo.toml, no wasm-pack package.json)', () => {
  const dir = fixture('not-a-crate', { 'README.md': 'hello\n' });
  failsWithOneLine(
    dir,
    /^wasm-compat: WASM_COMPAT_CRATE=.*: .*not-a-crate is not a crate \(no Cargo\.toml\) nor a wasm-pack output folder \(no package\.json\)$/,
  );
});

test('a file instead of a folder', () => {
  const dir = fixture('a-file', { 'module.wasm': 'not really' });
  failsWithOneLine(join(dir, 'module.wasm'), /is a file; name the crate's folder/);
});

test('a workspace root names its members', () => {
  const dir = fixture('workspace', {
    'Cargo.toml': '[workspace]\nmembers = ["member-a"]\nresolver = "2"\n',
    'member-a/Cargo.toml': `[package]\nname = "member-a"\nversion = "0.3.0"\nedition = "2021"\n\n${CDYLIB}\n[dependencies]\n${WASM_BINDGEN}\n`,
    'member-a/src/lib.rs': 'pub fn f() {}\n',
  });
  failsWithOneLine(dir, /is a workspace, not a crate: point WASM_COMPAT_CRATE at one of its members \(.*member-a\)$/);
  // ...and a member is a subject, with its output outside the user's crate.
  const member = resolveSubjectFrom({ WASM_COMPAT_CRATE: join(dir, 'member-a') });
  assert.deepEqual([member.name, member.version, member.kind, member.isDemo], ['member-a', '0.3.0', 'crate', false]);
  assert.ok(member.pkgDir.startsWith(join(PROJECT_ROOT, '.cache', 'subjects', 'member-a-')), member.pkgDir);
});

test('a library crate (no cdylib) without wasm-bindgen-test has nothing to run, and says both ways out', () => {
  const dir = fixture('no-cdylib', { 'Cargo.toml': cargoToml('no-cdylib', ''), 'src/lib.rs': 'pub fn f() {}\n' });
  failsWithOneLine(
    dir,
    /no-cdylib \(.*\) is a library crate \(no cdylib\) with no wasm-bindgen-test in its \[dev-dependencies\]: .*Add wasm-bindgen-test to \[dev-dependencies\] .*, or \[lib\] crate-type = \["cdylib", "rlib"\] to build a module$/,
  );
});

test('a library crate with wasm-bindgen-test is a subject with nothing to build, and what needs its .wasm says why not', () => {
  const dir = fixture('a-library', {
    'Cargo.toml': `${cargoToml('a-library', '', WASM_BINDGEN)}\n[dev-dependencies]\nwasm-bindgen-test = "=0.3.80"\n`,
    'src/lib.rs': 'pub fn f() -> u32 {\n    1\n}\n',
  });
  useFixtureLock(dir);
  const library = resolveSubjectFrom({ WASM_COMPAT_CRATE: dir });
  assert.deepEqual([library.kind, library.wasmBindgen], ['library', '0.2.130']);
  const run = buildSubject(dir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /a-library is a library crate \(no cdylib\): no \.wasm to build/);
  assert.ok(!existsSync(library.pkgDir), `nothing written for it: ${library.pkgDir}`);
  // What only a module has (its sizes) is refused in one line that names the crate and the way to a module.
  const sizes = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/sizes.ts'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: childEnvironment({ WASM_COMPAT_CRATE: dir }),
  });
  assert.equal(sizes.status, 1, sizes.stderr);
  assert.match(sizes.stderr.trim(), /^wasm-compat: a-library is a library crate \(no cdylib\): it builds no \.wasm\. .*crate-type = \["cdylib", "rlib"\]/);
});

test('a binary crate has no library to test', () => {
  const dir = fixture('a-binary', { 'Cargo.toml': cargoToml('a-binary', '', WASM_BINDGEN), 'src/main.rs': 'fn main() {}\n' });
  failsWithOneLine(dir, /a-binary \(.*\) has no library target \(src\/lib\.rs\)/);
});

test('a crate without wasm-bindgen says what is needed', () => {
  const dir = fixture('no-bindgen', { 'Cargo.toml': cargoToml('no-bindgen', CDYLIB), 'src/lib.rs': '#[no_mangle]\npub extern "C" fn f() -> i32 { 1 }\n' });
  failsWithOneLine(dir, /does not depend on wasm-bindgen: .*Add wasm-bindgen = "0\.2" to \[dependencies\] and export functions with #\[wasm_bindgen\]$/);
});

test('a file that is not WebAssembly, in a wasm-pack output folder', () => {
  const dir = fixture('html-as-wasm', {
    'package.json': '{ "name": "html-as-wasm", "version": "1.0.0" }\n',
    'html_as_wasm.js': 'import * as wasm from "./html_as_wasm_bg.wasm";\nexport * from "./html_as_wasm_bg.js";\n',
    'html_as_wasm_bg.js': 'export function __wbg_set_wasm() {}\n',
    'html_as_wasm_bg.wasm': '<!doctype html><title>Not Found</title>\n',
  });
  failsWithOneLine(dir, /html_as_wasm_bg\.wasm: not a WebAssembly module: it does not start with the \\0asm magic number$/);
});

test("a crate that does not compile shows the compiler's last lines", () => {
  const dir = fixture('does-not-compile', {
    'Cargo.toml': cargoToml('does-not-compile', CDYLIB, WASM_BINDGEN),
    'src/lib.rs': 'use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\npub fn answer() -> u32 {\n    "forty-two"\n}\n',
  });
  useFixtureLock(dir);
  // The target folder the subject tests share, kept between runs: the dependencies compile once, the crate's own error every time.
  const run = buildSubject(dir, { CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET });
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stderr.split('\n');
  assert.match(lines[0]!, /^wasm-compat: does-not-compile \(.*\) did not build \(build\/build-wasm\.sh exited 1\); its last lines:$/);
  assert.match(run.stderr, /error\[E0308\]: mismatched types/, "the compiler's own message is among the lines shown");
  assert.ok(lines.length <= 16, `the last lines, not the whole log (${lines.length})`);
});

test("npx playwright test with a bad WASM_COMPAT_CRATE stops in the global setup, naming the cause; the last report is kept in the history, not left posing as this run's", () => {
  const reports = join(scratch, 'reports');
  mkdirSync(reports);
  writeFileSync(join(reports, 'compat.json'), '{"earlier":"run"}\n');
  writeFileSync(join(reports, 'index.html'), '<p>the earlier run</p>\n');
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/playwright'), ['test', '--project', 'chromium', `--output=${join(scratch, 'test-results')}`], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: childEnvironment({ WASM_COMPAT_CRATE: join(scratch, 'nowhere'), WASM_COMPAT_MATRIX: '0', WASM_COMPAT_REPORTS_DIR: reports }),
    timeout: 120_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  assert.notEqual(run.status, 0, output);
  assert.match(output, /SubjectError: WASM_COMPAT_CRATE=.*nowhere: .*nowhere does not exist/);
  assert.doesNotMatch(output, /at resolveSubjectFrom|node:internal/, 'no stack trace');
  assert.doesNotMatch(output, /passed/, 'no test ran');
  assert.ok(!existsSync(join(reports, 'compat.json')), 'no compat.json stands as if this run had written it');
  assert.ok(!existsSync(join(reports, 'index.html')), 'nor the matrix page drawn from the earlier one (npm run report draws it again from the history)');
  const kept = readdirSync(join(reports, 'history')).filter((f) => /^compat-.*\.json$/.test(f));
  assert.equal(kept.length, 1, "the earlier run's compat.json is in the history");
  assert.equal(readFileSync(join(reports, 'history', kept[0]!), 'utf8'), '{"earlier":"run"}\n', 'kept as it was');
});
