// The benchmark statistics machinery on known samples: what is read from tinybench (and that its
// state is narrowed first), the speedup and its propagated uncertainty, batching, timer warnings.
// Samples are fed through tinybench's overriddenDuration or a fake clock: no wall-clock time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bench } from 'tinybench';
import { calibrateBatch } from '../../benches/run/batching.ts';
import { batchTargetMs } from '../../benches/run/environment.ts';
import { runPair } from '../../benches/run/runPairs.ts';
import { sideStatsOf } from '../../benches/run/sideStats.ts';
import { ratioOf, speedupOf } from '../../benches/stats/speedup.ts';
import { formatMs, formatOps, formatPct, formatSpeedup } from '../../benches/report/format.ts';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} ≉ ${expected}`);

describe('reading tinybench', () => {
  test('a known sample 1..10 ms gives its mean, median, extremes, sd and the 95% rme', async () => {
    const sample = [3, 1, 4, 10, 5, 9, 2, 6, 8, 7];
    let i = 0;
    const bench = new Bench({ time: 0, iterations: sample.length, warmup: false });
    // async: false spares tinybench its async-detection call, which would consume a sample.
    bench.add('known', () => ({ overriddenDuration: sample[i++]! }), { async: false });
    await bench.run();
    const outcome = sideStatsOf(bench.tasks[0]!, 'WASM', 4, false, []);
    assert.ok(outcome.ok);
    const s = outcome.stats;
    assert.equal(s.samples, 10);
    close(s.mean, 5.5);
    close(s.p50, 5.5);
    assert.equal(s.min, 1);
    assert.equal(s.max, 10);
    close(s.sd, Math.sqrt(82.5 / 9)); // sample variance: Σ(x − 5.5)² = 82.5 over n − 1
    // rme = 100 · t(0.975, 9) · sd / √n / mean, t = 2.262157
    close(s.rme, (100 * 2.262157 * Math.sqrt(82.5 / 9)) / Math.sqrt(10) / 5.5, 1e-6);
    assert.equal(s.batch, 4);
    assert.equal(s.detectedResolutionMs, null, 'batched samples have no timer-resolution estimate');
  });

  test('an errored task is narrowed to its error, never read as statistics', async () => {
    const bench = new Bench({ time: 0, iterations: 2, warmup: false, throws: false });
    bench.add('throws', () => {
      throw new RangeError('out of range');
    });
    await bench.run();
    const outcome = sideStatsOf(bench.tasks[0]!, 'JS', 1, false, []);
    assert.deepEqual(outcome, { ok: false, error: 'throws: RangeError: out of range' });
  });

  test('a not-started task is not read either', () => {
    const bench = new Bench();
    bench.add('idle', () => 0);
    const outcome = sideStatsOf(bench.tasks[0]!, 'JS', 1, false, []);
    assert.deepEqual(outcome, { ok: false, error: 'idle: tinybench left the task not-started' });
  });

  test("tinybench's timer warnings on a coarse clock reach the task's stats", async () => {
    // A clock that moves 1 ms every ~3 readings: most samples read 0, as on a coarse browser timer.
    let t = 0;
    const now = () => Math.floor((t += 0.3));
    const result = await runPair(
      'call',
      {
        id: 'call.coarse',
        title: 'instant work on a coarse clock',
        kind: 'wasm-vs-js',
        setup: () => null,
        // Async sides are timed one call per sample, as tinybench does by itself.
        measured: { label: 'WASM', run: async () => 1 },
        reference: { label: 'JS', run: async () => 1 },
      },
      { timeMs: 30, warmupTimeMs: 0, batchTargetMs: 1 },
      { now },
    );
    assert.equal(result.status, 'ok', result.error ?? '');
    assert.deepEqual(result.measured!.warnings, ['timer warning: zero-dominated']);
    assert.equal(result.measured!.batch, 1);
  });
});

describe('speedup and its uncertainty', () => {
  test('JS time / WASM time, relative errors added in quadrature', () => {
    const s = speedupOf({ mean: 2, rme: 3 }, { mean: 6, rme: 4 })!;
    close(s.value, 3);
    close(s.rme, 5);
    close(s.uncertainty, 0.15);
    const slower = speedupOf({ mean: 4, rme: 1 }, { mean: 1, rme: 1 })!;
    close(slower.value, 0.25);
    close(slower.uncertainty, 0.25 * Math.SQRT2 * 0.01);
  });

  test('no speedup from a zero or missing mean, or an infinite rme', () => {
    assert.equal(speedupOf({ mean: 0, rme: 1 }, { mean: 1, rme: 1 }), null);
    assert.equal(speedupOf({ mean: 1, rme: Infinity }, { mean: 1, rme: 1 }), null);
    assert.equal(speedupOf({ mean: Number.NaN, rme: 1 }, { mean: 1, rme: 1 }), null);
  });

  test('the ratio of two speedups carries both margins', () => {
    const r = ratioOf({ value: 1.5, uncertainty: 0.045, rme: 3 }, { value: 2, uncertainty: 0.08, rme: 4 });
    close(r.value, 0.75);
    close(r.rme, 5);
  });
});

describe('batching', () => {
  test('a call of 0.01 ms on a fake clock is batched to fill the 0.5 ms target', () => {
    let clock = 0;
    let calls = 0;
    const side = {
      label: 'WASM',
      run: () => {
        calls++;
        clock += 0.01;
      },
    };
    assert.equal(
      calibrateBatch(side, null, 0.5, () => clock),
      50,
    );
    assert.ok(calls > 0);
  });

  test('work longer than the target is timed one call at a time', () => {
    let clock = 0;
    assert.equal(
      calibrateBatch({ label: 'JS', run: () => void (clock += 2) }, null, 0.5, () => clock),
      1,
    );
  });

  test('a side with its own loop is calibrated through it', () => {
    let clock = 0;
    let looped = 0;
    const side = {
      label: 'WASM',
      run: () => 0,
      loop: (_: null, n: number) => {
        looped += n;
        clock += n * 0.001;
      },
    };
    assert.equal(
      calibrateBatch(side, null, 1, () => clock),
      1000,
    );
    assert.ok(looped > 1000);
  });

  test('batches last at least the floor and 100 clock steps', () => {
    assert.equal(batchTargetMs(0.1, 0.5), 0.5);
    assert.equal(batchTargetMs(20, 1), 2);
    assert.equal(batchTargetMs(100, 1), 10);
    assert.equal(batchTargetMs(null, 1), 100, 'an unmeasured clock is assumed coarse (1 ms)');
  });
});

test('formatting picks readable units', () => {
  assert.equal(formatMs(0.0000012), '1.20 ns');
  assert.equal(formatMs(0.0123), '12.3 µs');
  assert.equal(formatMs(4.5), '4.50 ms');
  assert.equal(formatMs(2500), '2.50 s');
  assert.equal(formatOps(1_880_000_000), '1.88G');
  assert.equal(formatOps(999), '999');
  assert.equal(formatPct(1.234), '±1.23%');
  assert.equal(formatPct(12.34), '±12.3%');
  assert.equal(formatSpeedup(2.114, 0.0523), '2.11 ± 0.052×');
});
