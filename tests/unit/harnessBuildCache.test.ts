// The harness build is reused only while everything it is made from hashes the same
// (harness/harnessBuildCache.ts): a changed source, a new file in a source folder, another
// subject, or a changed file the bundle imported from elsewhere each make a build stale.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findCurrentBuild, hashAll, keepBuild, type Manifest, sourceFiles } from '../../harness/harnessBuildCache.ts';
import { resolveSubject } from '../../subject/resolveSubject.ts';

const root = mkdtempSync(join(tmpdir(), 'wasm-compat-harness-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));
const subject = resolveSubject();
const elsewhere = join(root, 'imported-from-elsewhere.ts');
writeFileSync(elsewhere, 'export const x = 1;\n');

function cached(name: string, manifest: Manifest): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

test('a build whose every input hashes the same is reused; any difference makes it stale', () => {
  const files = { ...hashAll(sourceFiles(subject)), ...hashAll([elsewhere]) };
  const good = cached('good', { subject: JSON.stringify(subject), files });
  assert.equal(findCurrentBuild(subject, root), good);

  rmSync(good, { recursive: true });
  const [first] = Object.keys(files);
  cached('changed-source', { subject: JSON.stringify(subject), files: { ...files, [first!]: 'an older content' } });
  cached('missing-file', { subject: JSON.stringify(subject), files: Object.fromEntries(Object.entries(files).slice(1)) });
  cached('other-subject', { subject: JSON.stringify({ ...subject, pkgDir: '/elsewhere/pkg' }), files });
  assert.equal(findCurrentBuild(subject, root), null, 'a changed source, a file the build did not know, another subject');

  const imported = cached('imported', { subject: JSON.stringify(subject), files });
  assert.equal(findCurrentBuild(subject, root), imported);
  writeFileSync(elsewhere, 'export const x = 2;\n');
  assert.equal(findCurrentBuild(subject, root), null, 'a file the bundle imported from outside the source folders changed');
});

test('a build finished while another run finished the same one is dropped, and theirs kept whole; a half-removed one is replaced', () => {
  const cache = join(root, 'keep');
  const build = (name: string, marker: string) => {
    const dir = join(cache, name);
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), '{}');
    writeFileSync(join(dir, 'dist', 'marker'), marker);
    return dir;
  };
  const theirs = build('abc', 'theirs');
  const ours = build('.building-1', 'ours');
  // The other run renamed its build into place first: renaming ours onto it would fail (ENOTEMPTY), and would not be needed.
  keepBuild(ours, theirs);
  assert.equal(readFileSync(join(theirs, 'dist', 'marker'), 'utf8'), 'theirs');
  // Half-removed (no manifest): ours takes its place.
  rmSync(join(theirs, 'manifest.json'));
  keepBuild(build('.building-2', 'ours'), theirs);
  assert.equal(readFileSync(join(theirs, 'dist', 'marker'), 'utf8'), 'ours');
  assert.ok(existsSync(join(theirs, 'manifest.json')));
});
