// The phone a throttled project models: Lighthouse's network numbers (held to Lighthouse's own),
// DevTools' way of finding the CPU rate (on a synthetic machine), the rate a person may set, and
// what an engine that cannot be throttled reports instead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttling } from 'lighthouse/core/config/constants.js';
import { notThrottled, describeNetwork } from '../../runner/throttling/applyThrottling.ts';
import { bisectRate } from '../../runner/throttling/calibrateCpu.ts';
import { setRate } from '../../runner/throttling/cpuCalibration.ts';
import { SLOW_4G } from '../../runner/throttling/throttlingProfile.ts';

test("Slow 4G is Lighthouse's mobileSlow4G, in the request-level form DevTools applies", () => {
  const lh = throttling.mobileSlow4G;
  assert.equal(SLOW_4G.latencyMs, lh.requestLatencyMs);
  assert.equal(SLOW_4G.downloadKbps, lh.downloadThroughputKbps);
  assert.equal(SLOW_4G.uploadKbps, lh.uploadThroughputKbps);
  assert.equal(describeNetwork(), '562.5 ms latency, 1.44 Mbps down, 675 kbps up');
});

/** A machine whose BenchmarkIndex is `host` unthrottled and falls a little slower than 1/rate, as measured ones do. */
const machine = (host: number) => {
  const asked: number[] = [];
  return {
    asked,
    score: async (rate: number) => {
      asked.push(rate);
      return host / rate ** 0.92;
    },
  };
};

test('the CPU rate is bisected until the throttled index is within 5 % of the phone', async () => {
  for (const host of [1300, 2700, 6000]) {
    const m = machine(host);
    const c = await bisectRate(m.score, 1000);
    assert.equal(c.hostBenchmarkIndex, host);
    assert.ok(Math.abs(c.throttledBenchmarkIndex! - 1000) <= 50, `host ${host}: rate ${c.rate} gives ${c.throttledBenchmarkIndex}`);
    assert.ok(m.asked.length <= 2 + 1 + 7, `host ${host}: ${m.asked.length} benchmark runs`);
    // CDP keeps two decimals.
    assert.equal(c.rate, Number(c.rate.toFixed(2)));
  }
});

test('a machine no faster than the phone is not slowed', async () => {
  const c = await bisectRate(machine(800).score, 1000);
  assert.equal(c.rate, 1);
  assert.match(c.method, /not slowed: this machine \(index 800\) is no faster than the phone \(1000\)/);
});

test("the host's index is the better of two runs: one disturbed run does not make the machine slower", async () => {
  const runs = [1500, 2700];
  const c = await bisectRate(async (rate) => (rate === 1 ? (runs.shift() ?? 2700) : 2700 / rate), 1000);
  assert.equal(c.hostBenchmarkIndex, 2700);
});

test('WASM_COMPAT_CPU_RATE: a number from 1 up, or an error naming the value', () => {
  assert.equal(setRate({}), null);
  assert.equal(setRate({ WASM_COMPAT_CPU_RATE: '4' }), 4);
  assert.throws(() => setRate({ WASM_COMPAT_CPU_RATE: '0.5' }), /WASM_COMPAT_CPU_RATE="0.5": expected a rate ≥ 1 \(it takes a number ≥ 1\)/);
  assert.throws(() => setRate({ WASM_COMPAT_CPU_RATE: 'fast' }), /"fast"/);
});

test('an engine that cannot be throttled says so, for the CPU and the network, with why', () => {
  const t = notThrottled('mid-tier-phone', 'WebKitGTK over WebDriver has neither CPU throttling nor network emulation');
  assert.equal(t.cpu, null);
  assert.equal(t.network, null);
  assert.equal(t.notApplied.length, 2);
  assert.match(t.notApplied[0]!, /^CPU slowdown to a mid-tier phone.*: WebKitGTK over WebDriver has neither/);
  assert.match(t.notApplied[1]!, /^network Slow 4G \(562\.5 ms latency, 1\.44 Mbps down, 675 kbps up\): WebKitGTK/);
});
