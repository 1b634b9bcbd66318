// readCommandLine and runsOneProject (runner/commandLine.ts): a project's Rust tests start beside its
// harness load only when nothing on the command line can leave them out, and the run is one project's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCommandLine, runsOneProject } from '../../runner/commandLine.ts';

const cli = (...args: string[]) => readCommandLine(['/usr/bin/node', '/p/node_modules/.bin/playwright', ...args]);

test('projects, reporters, output and pace leave every test in', () => {
  for (const args of [
    ['test'],
    ['test', '--project=chromium'],
    ['test', '--project', 'chromium', '--project', 'firefox', '--reporter=dot'],
    ['test', '--output', '/tmp/x', '--workers=1', '-x', '--headed'],
  ])
    assert.equal(cli(...args).everyTest, true, args.join(' '));
});

test('a file filter, --grep, --shard, --last-failed, an unknown option or another command may leave tests out', () => {
  for (const args of [
    ['test', 'tests/specs/serving.spec.ts'],
    ['test', '--project=chromium', 'loading'],
    ['test', '--grep', 'rust:'],
    ['test', '-g', 'x'],
    ['test', '--grep-invert=rust'],
    ['test', '--shard=1/2'],
    ['test', '--last-failed'],
    ['test', '--only-changed'],
    ['test', '--list'],
    ['merge-reports', 'blob'],
    [],
  ])
    assert.equal(cli(...args).everyTest, false, args.join(' '));
});

test('one project: named once by its name, or the only one configured', () => {
  const five = ['chromium', 'firefox', 'webkit', 'pixel5', 'iphone12'];
  assert.deepEqual(cli('test', '--project', 'chromium', '--project=firefox').projects, ['chromium', 'firefox']);
  assert.equal(runsOneProject(cli('test', '--project=chromium'), five), true);
  assert.equal(runsOneProject(cli('test', '--project', 'webkit', '--reporter=dot'), five), true);
  assert.equal(runsOneProject(cli('test'), five), false);
  assert.equal(runsOneProject(cli('test', '--project=chromium', '--project=firefox'), five), false);
  assert.equal(runsOneProject(cli('test', '--project=chrom*'), five), false);
  assert.equal(runsOneProject(cli('test'), ['chromium']), true);
});
