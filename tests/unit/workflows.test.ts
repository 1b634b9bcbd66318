// The CI workflows: schema-valid, and calling only npm scripts and files that exist.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { referencesIn } from '../../scripts/ci/repoReferences.ts';
import { checkWorkflow, checkWorkflows } from '../../scripts/ci/workflowChecks.ts';
import { scratchDir } from '../scratchDir.ts';

const root = process.cwd();

test('every workflow validates and calls only what exists', () => {
  const { files, problems } = checkWorkflows(root);
  assert.deepEqual(files, ['rust-wasm-ci.yml', 'wasm-deploy.yml']);
  assert.deepEqual(problems, []);
});

test('references: npm scripts and repository files in commands', () => {
  assert.deepEqual(referencesIn('npm ci && npm run build:wasm -- --x && npm test\nbash scripts/setup.sh'), [
    { kind: 'npm-script', name: 'build:wasm' },
    { kind: 'npm-script', name: 'test' },
    { kind: 'file', name: 'scripts/setup.sh' },
  ]);
});

test('a workflow calling a missing npm script, a missing file, or breaking the schema is flagged', () => {
  const fake = scratchDir('wf-');
  writeFileSync(join(fake, 'package.json'), JSON.stringify({ scripts: { build: 'x' } }));
  const ok = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: npm run build\n';
  assert.deepEqual(checkWorkflow('ok.yml', ok, fake), []);
  const missing = checkWorkflow('m.yml', ok.replace('npm run build', 'npm run bench && bash scripts/gone.sh'), fake);
  assert.deepEqual(
    missing.map((p) => p.problem),
    ['calls `npm run bench`, which package.json does not define', 'calls scripts/gone.sh, which does not exist'],
  );
  const invalid = checkWorkflow('bad.yml', 'on: push\njobs:\n  a:\n    steps: 3\n', fake);
  assert.ok(invalid.length > 0, 'a schema violation is reported');
});
