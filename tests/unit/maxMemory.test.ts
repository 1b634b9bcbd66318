// limits.maxMemory judges what it saw, in Node's V8: a busy machine that keeps it below 1 GiB makes
// it say it ran out of time (a failure that names the cause), not report a low number as a pass;
// growth refused below 1 GiB is broken growth; 1 GiB or more is a pass.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import probe from '../../harness/probes/limits/maxMemory.ts';
import type { ProbeContext } from '../../harness/probes/probe.ts';

const realNow = performance.now.bind(performance);
const realGrow = WebAssembly.Memory.prototype.grow;
afterEach(() => {
  performance.now = realNow;
  WebAssembly.Memory.prototype.grow = realGrow;
});
const run = () => probe.run({} as ProbeContext);

test('a machine too busy to reach 1 GiB in time: a failure saying it ran out of time, not a low number', async () => {
  let clock = 0;
  // Every reading is 3 s later: the 25 s bound passes after a few grows.
  performance.now = () => (clock += 3_000);
  const outcome = await run();
  assert.equal(outcome.status, 'fail', outcome.detail);
  assert.match(outcome.detail, /ran out of time below 1 GiB: not measured/);
  assert.equal(outcome.data?.outOfTime, true);
});

test('growth refused below 1 GiB is broken growth', async () => {
  let grows = 0;
  WebAssembly.Memory.prototype.grow = function (delta: number) {
    if (++grows > 3) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    return realGrow.call(this, delta);
  };
  const outcome = await run();
  assert.equal(outcome.status, 'fail');
  assert.match(outcome.detail, /granted 192\.0625 MiB; stopped: grow\(1024\) at 192\.0625 MiB threw RangeError.*under 1 GiB: growth is broken, not limited/);
});

test('1 GiB or more granted: a pass, with where it stopped', async () => {
  const outcome = await run();
  assert.equal(outcome.status, 'pass', outcome.detail);
  assert.ok(Number(outcome.data?.maxMiB) >= 1024, outcome.detail);
});
