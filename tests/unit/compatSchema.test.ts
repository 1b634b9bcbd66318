// compat.json's one schema (runner/compatSchema.ts): the stored runs validate against the JSON Schema
// it publishes (with ajv, as another tool would read them) and parse through it without losing a
// field; a file of another version, or missing a field, is refused naming the file, the version or
// the field; `npm run report` refuses it and exits non-zero; `npm run schema` writes what the
// generator makes now.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readRun, RunFileError } from '../../matrix/readRun.ts';
import { COMPAT_SCHEMA_FILE, compatJsonSchema } from '../../runner/compatJsonSchema.ts';
import { COMPAT_SCHEMA_VERSION } from '../../runner/compatSchema.ts';
import { checkCompatReport, READABLE_SCHEMA_VERSIONS } from '../../runner/readCompat.ts';
import { scratchDir } from '../scratchDir.ts';
import { childEnvironment } from '../../settings/environment.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/compat');
// The stored runs; the folder also holds webassembly.org's features.json and its schema.
const STORED_RUNS = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.startsWith('features'));
const stored = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

function validator() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(compatJsonSchema());
}

/** Every field of `input` that `output` lacks, by path: what a parse would silently drop. */
function droppedFields(input: unknown, output: unknown, path = ''): string[] {
  if (input === null || typeof input !== 'object') return [];
  if (output === null || typeof output !== 'object') return [path || '(the file)'];
  return Object.entries(input).flatMap(([key, value]) => {
    const at = Array.isArray(input) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    return key in output ? droppedFields(value, (output as Record<string, unknown>)[key], at) : [at];
  });
}

const readIn = (dir: string, name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

test('the stored runs are ones to check', () => {
  assert.deepEqual(STORED_RUNS, ['all-pass.json', 'failing-and-not-run.json']);
});

describe('the stored runs (tests/fixtures/compat/)', () => {
  const validate = validator();
  for (const name of STORED_RUNS) {
    test(`${name} validates against the published JSON Schema`, () => {
      assert.ok(validate(stored(name)), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
    });
    test(`${name} parses through the zod schema, every field kept`, () => {
      const checked = checkCompatReport(stored(name));
      assert.equal(checked.problem, null);
      assert.deepEqual(droppedFields(stored(name), checked.report), []);
    });
  }
});

test('a field the schema does not name is dropped, and said so by droppedFields (the check above has teeth)', () => {
  const run = stored('all-pass.json');
  (run as { extra?: number }).extra = 1;
  assert.deepEqual(droppedFields(run, checkCompatReport(run).report), ['extra']);
});

test('a compat.json of an unknown version is refused, naming the file, the version and the versions read', () => {
  const dir = scratchDir('compat-schema-');
  const file = readIn(dir, 'compat.json', { ...stored('all-pass.json'), schema: 7 });
  assert.throws(
    () => readRun(file),
    (e: Error) =>
      e instanceof RunFileError &&
      e.message === `${file}: schema version 7 is not one this wasm-compat reads (1); regenerate it with this version, or use the wasm-compat that wrote it`,
  );
  assert.ok(!validator()(JSON.parse(readFileSync(file, 'utf8'))), 'the JSON Schema refuses it too');
  assert.deepEqual(READABLE_SCHEMA_VERSIONS, [COMPAT_SCHEMA_VERSION]);
});

test('a compat.json missing a required field is refused, naming the field', () => {
  const dir = scratchDir('compat-schema-');
  const run = stored('failing-and-not-run.json') as { projects: Record<string, { engine: Record<string, unknown> }> };
  delete run.projects.firefox!.engine.version;
  const file = readIn(dir, 'compat.json', run);
  const expected = `${file}: not a compat.json of schema 1: projects.firefox.engine.version is missing (required)`;
  assert.throws(
    () => readRun(file),
    (e: Error) => e instanceof RunFileError && e.message === expected,
  );
  const wrong = stored('all-pass.json') as { projects: Record<string, { status: string }> };
  wrong.projects.chromium!.status = 'maybe';
  const named = /wrong\.json: not a compat\.json of schema 1: projects\.chromium\.status is "maybe", expected one of ran, not-run$/;
  assert.throws(() => readRun(readIn(dir, 'wrong.json', wrong)), named);
});

test('npm run report refuses a compat.json of an unknown version and exits non-zero', () => {
  const dir = scratchDir('compat-schema-');
  const file = readIn(dir, 'compat.json', { ...stored('all-pass.json'), schema: 7 });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', file, '--out', join(dir, 'page')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 2, run.stderr);
  const refusal = `${file}: schema version 7 is not one this wasm-compat reads (1); regenerate it with this version, or use the wasm-compat that wrote it`;
  assert.equal(run.stderr.trim(), `npm run report: ${refusal}`);
});

test('npm run schema writes <reports>/compat.schema.json as the generator makes it now, of this version', () => {
  const reports = scratchDir('compat-schema-');
  const env = childEnvironment({ WASM_COMPAT_REPORTS_DIR: reports });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/schema.ts'], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr);
  const written: { $schema: string; properties: { schema: { const: number } } } = JSON.parse(readFileSync(join(reports, COMPAT_SCHEMA_FILE), 'utf8'));
  assert.deepEqual(written, compatJsonSchema());
  assert.equal(written.properties.schema.const, COMPAT_SCHEMA_VERSION);
  assert.equal(written.$schema, 'http://json-schema.org/draft-07/schema#');
});
