// The timing lock across the machine's runs and workers (runner/timingLock.ts), with a second
// process as the other worker: a page load waits for the other's shared work and shared work waits for the other's page
// load; a holder that died does not block; nesting a page load in shared work fails loudly instead
// of deadlocking. Order is read from a log both processes append to; no time is asserted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { endRun, type Run, startRun } from '../../runner/currentRun.ts';
import { EVERY_PROBE } from '../../harness/probes/probeSelection.ts';
import { probesToRunAlone, runAlone, runShared, TIMED_PROBES, TIMING_LOCK_ENV } from '../../runner/timingLock.ts';
import { dropHandOff } from '../../runner/handOff.ts';
import { environment, setInEnvironment } from '../../settings/environment.ts';

let run: Run;
let log: string;
before(() => {
  // A lock folder of the test's own: a suite running meanwhile on this machine holds the real one.
  setInEnvironment(TIMING_LOCK_ENV, mkdtempSync(join(tmpdir(), 'wasm-compat-timing-lock-test-')));
  run = startRun();
  log = join(run.records, 'order.log');
});
after(() => {
  endRun(run);
  dropHandOff();
  rmSync(environment()[TIMING_LOCK_ENV]!, { recursive: true, force: true });
  setInEnvironment(TIMING_LOCK_ENV, undefined);
});

const lines = () => readFileSync(log, 'utf8').trim().split('\n');
const note = (line: string) => appendFileSync(log, `${line}\n`);

/** The other worker: holds the lock `how` for 400 ms, noting when it starts and ends. */
function otherWorker(how: 'runAlone' | 'runShared'): Promise<void> {
  const script = `
    import { appendFileSync } from 'node:fs';
    import { ${how} } from ${JSON.stringify(new URL('../../runner/timingLock.ts', import.meta.url).href)};
    await ${how}(async () => {
      appendFileSync(${JSON.stringify(log)}, 'other start\\n');
      await new Promise((r) => setTimeout(r, 400));
      appendFileSync(${JSON.stringify(log)}, 'other end\\n');
    });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: environment(), stdio: 'inherit' });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the other worker exited ${code}`)))));
}

async function whenNoted(line: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      if (lines().includes(line)) return;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`"${line}" never came`);
}

test("a page load waits for the other worker's shared work", async () => {
  writeFileSync(log, '');
  const other = otherWorker('runShared');
  await whenNoted('other start');
  await runAlone(async () => note('page load'));
  await other;
  assert.deepEqual(lines(), ['other start', 'other end', 'page load']);
});

test("shared work waits for the other worker's page load", async () => {
  writeFileSync(log, '');
  const other = otherWorker('runAlone');
  await whenNoted('other start');
  await runShared(async () => note('shared'));
  await other;
  assert.deepEqual(lines(), ['other start', 'other end', 'shared']);
});

// One worker's Rust runs beside its own page load: two pieces of work of one process, which must
// take turns as two processes do.
test("a page load waits for its own worker's shared work, and shared work for its own worker's page load", async () => {
  writeFileSync(log, '');
  const hold = (what: string) => async () => {
    note(`${what} start`);
    await new Promise((r) => setTimeout(r, 300));
    note(`${what} end`);
  };
  const rust = runShared(hold('rust'));
  await whenNoted('rust start');
  const page = runAlone(hold('page'));
  await new Promise((r) => setTimeout(r, 50));
  const later = runShared(hold('later'));
  await Promise.all([rust, page, later]);
  assert.deepEqual(lines(), ['rust start', 'rust end', 'page start', 'page end', 'later start', 'later end']);
  // Inside its own hold, work of the same kind or shared work runs at once instead of waiting on itself.
  assert.equal(await runAlone(() => runShared(async () => 'ran')), 'ran');
});

test('a holder whose process died does not block', async () => {
  // A pid that no process has: the largest pid Linux allows, plus one.
  const dead = 4_194_305;
  const lock = environment()[TIMING_LOCK_ENV]!;
  mkdirSync(join(lock, 'shared'), { recursive: true });
  writeFileSync(join(lock, 'shared', `${dead}-0`), '');
  mkdirSync(join(lock, 'alone'), { recursive: true });
  writeFileSync(join(lock, 'alone', String(dead)), '');
  assert.equal(await runShared(async () => 'ran'), 'ran');
  assert.equal(await runAlone(async () => 'ran'), 'ran');
});

test('a page load inside shared work is refused, naming why', async () => {
  await assert.rejects(
    runShared(() => runAlone(async () => undefined)),
    /runAlone inside runShared/,
  );
});

test('a page load runs alone only the timed probes its engine is judged on, and only when it runs them', () => {
  const ctx = (engine: 'chromium' | 'firefox' | 'webkitgtk') => ({
    engine,
    version: engine === 'chromium' ? '156.0.8078.114' : engine === 'firefox' ? '153.8.0' : '2.50.6',
    isolation: 'require-corp' as const,
  });
  // Firefox's and WebKitGTK's streaming outcome is judged; V8's only recorded (docs/streaming.md).
  assert.deepEqual(probesToRunAlone(EVERY_PROBE, ctx('firefox')), ['loading.compileDuringDownload']);
  assert.deepEqual(probesToRunAlone(EVERY_PROBE, ctx('webkitgtk')), ['loading.compileDuringDownload']);
  assert.deepEqual(probesToRunAlone(EVERY_PROBE, ctx('chromium')), []);
  // A page that does not run the streaming pairs times nothing a verdict depends on.
  assert.deepEqual(probesToRunAlone({ categories: ['features'], skip: [] }, ctx('firefox')), []);
  assert.deepEqual(probesToRunAlone({ categories: null, skip: TIMED_PROBES }, ctx('firefox')), []);
});
