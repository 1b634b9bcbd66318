// readCommandLine, runsOneProject and soleProject (runner/commandLine.ts), and the project a run gives
// both workers (runner/bothWorkers.ts): only when nothing on the command line can leave tests out, the
// run is one project's, and the suite launches its engine itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectWithBothWorkers } from '../../runner/bothWorkers.ts';
import { readCommandLine, runsOneProject, soleProject } from '../../runner/commandLine.ts';
import type { EngineChoice } from '../../runner/engines/engineChoice.ts';
import { dropHandOff, handedOff } from '../../runner/handOff.ts';

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

test('the sole project: by its name, with every test of it; its --workers as given', () => {
  const five = ['chromium', 'firefox', 'webkit', 'pixel5', 'iphone12'];
  assert.equal(soleProject(cli('test', '--project=chromium'), five), 'chromium');
  assert.equal(soleProject(cli('test'), ['webkit']), 'webkit');
  assert.equal(soleProject(cli('test', '--project=chromium', '--grep', 'rust:'), five), null);
  assert.equal(soleProject(cli('test', '--project=chromium', '--project=firefox'), five), null);
  assert.equal(cli('test', '--workers=1').workers, '1');
  assert.equal(cli('test', '-j', '50%').workers, '50%');
  assert.equal(cli('test').workers, null);
});

test('both workers go to the sole project when the suite launches its engine, and a worker reads what was handed', () => {
  const launched: EngineChoice = { engine: 'chromium', kind: 'playwright', binary: '/x/chrome', source: "Playwright's build" };
  const webdriver: EngineChoice = {
    engine: 'webkit',
    kind: 'webkitgtk',
    binary: '/x/MiniBrowser',
    driver: '/x/WebKitWebDriver',
    xvfbRun: null,
    source: 'WebKitGTK',
  };
  const projects = [
    { name: 'chromium', use: { engineChoice: launched } },
    { name: 'webkit', use: { engineChoice: webdriver } },
  ];
  const argv = (...args: string[]) => ['/usr/bin/node', '/p/node_modules/.bin/playwright', 'test', ...args];
  const main = {};
  try {
    assert.equal(projectWithBothWorkers(projects, argv('--project=chromium'), main), 'chromium');
    assert.equal(handedOff().bothWorkers, 'chromium', "handed on to Playwright's workers");
    // A worker's own argv says nothing of the run: it reads the hand-off.
    assert.equal(
      projectWithBothWorkers(projects, ['/usr/bin/node', '/p/workerProcessEntry.js'], { TEST_WORKER_INDEX: '3', WASM_COMPAT_RUN: JSON.stringify(handedOff()) }),
      'chromium',
    );
    assert.equal(projectWithBothWorkers(projects, argv('--project=webkit'), main), null, "WebKitGTK's one WebDriver window");
    assert.equal(projectWithBothWorkers(projects, argv('--project=chromium', '--workers=1'), main), null);
    assert.equal(projectWithBothWorkers(projects, argv('--project=chromium', 'loading'), main), null);
    assert.equal(projectWithBothWorkers(projects, argv(), main), null);
    assert.equal(handedOff().bothWorkers, null, 'null is handed on too, over what an earlier process left');
  } finally {
    dropHandOff();
  }
});
