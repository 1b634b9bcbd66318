// The benchmark pairs: on their own inputs (at small sizes), both sides of every pair give the
// same output; ids are unique and named after their suite; every native id is a criterion bench;
// a pair whose sides disagree is reported and never timed. No wall-clock time is asserted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { loadRawCrate } from '../../benches/node/loadRawCrate.ts';
import { serveWasm, type WasmServer } from '../../benches/node/serveWasm.ts';
import { checkPair, runPair } from '../../benches/run/runPairs.ts';
import { suites } from '../../benches/suites/index.ts';
import { benchText, defaultSizes, doubles, smallSizes } from '../../benches/suites/inputs.ts';
import type { BenchContext, BenchPair } from '../../benches/suites/types.ts';
import { NoncedWasm, withNonce } from '../../benches/suites/wasmNonce.ts';
import { benchedPkgDir } from '../../benches/benchedBuild.ts';

const pkgDir = benchedPkgDir();
let context: BenchContext;
let server: WasmServer;

before(async () => {
  const { crate, wasmBytes } = await loadRawCrate(pkgDir);
  server = await serveWasm(wasmBytes);
  context = { crate, wasmBytes, wasmUrl: server.url, noncedWasmUrl: server.noncedUrl, sizes: smallSizes };
});
after(() => server.close());

describe('every pair gives the same output on both sides', () => {
  for (const suite of suites) {
    test(`${suite.name}: ${suite.measures}`, async () => {
      const pairs = suite.pairs(context);
      assert.ok(pairs.length > 0, 'a suite has pairs');
      for (const p of pairs) {
        const input = await p.setup();
        const { difference } = await checkPair(p, input);
        assert.equal(difference, null, `${p.id}: ${difference}`);
        // A side's own loop (call suite) runs too.
        for (const side of [p.measured, p.reference]) if (side.loop) side.loop(input, 3);
      }
    });
  }

  test('at the full benchmark sizes too, for the cheap kernels', async () => {
    const full = { ...context, sizes: defaultSizes };
    for (const suite of suites.filter((s) => ['math', 'strings', 'arrays'].includes(s.name))) {
      for (const p of suite.pairs(full)) {
        const { difference } = await checkPair(p, await p.setup());
        assert.equal(difference, null, `${p.id}: ${difference}`);
      }
    }
  });
});

test('pair ids are unique and start with their suite name; every native id is a criterion bench', () => {
  const kernels = readFileSync('crate/benches/kernels.rs', 'utf8');
  const ids = new Set<string>();
  for (const suite of suites) {
    for (const p of suite.pairs(context)) {
      assert.ok(p.id.startsWith(`${suite.name}.`), p.id);
      assert.ok(!ids.has(p.id), `duplicate id ${p.id}`);
      ids.add(p.id);
      if (p.native) {
        const [group, name] = p.native.split('/');
        assert.match(kernels, new RegExp(`"${p.native}"`), `${p.id}: kernels.rs records no output for ${p.native}`);
        assert.match(kernels, new RegExp(`benchmark_group\\("${group}"\\)[\\s\\S]*?bench_function\\("${name}"`), `${p.id}: no criterion bench ${p.native}`);
      }
    }
  }
});

test('a pair whose sides disagree is reported unequal, with the difference, and not timed', async () => {
  const broken: BenchPair<number> = {
    id: 'math.broken',
    title: 'a twin that is off by one',
    kind: 'wasm-vs-js',
    setup: () => 100,
    measured: { label: 'WASM', run: (n) => context.crate.sieveCount(n) },
    reference: { label: 'JS', run: (n) => context.crate.sieveCount(n) + 1 },
  };
  const result = await runPair('math', broken, { timeMs: 10, warmupTimeMs: 0, batchTargetMs: 0.1 });
  assert.equal(result.status, 'unequal');
  assert.equal(result.error, 'WASM vs JS: 25 ≠ 26');
  assert.equal(result.measured, null);
  assert.equal(result.speedup, null);
});

test('the inputs are deterministic and mix every UTF-8 length', () => {
  assert.deepEqual(doubles(4, 9), doubles(4, 9));
  assert.notDeepEqual(doubles(4, 9), doubles(4, 10));
  const text = benchText(200);
  assert.equal(text, benchText(200));
  const lengths = new Set(Array.from(text, (ch) => new TextEncoder().encode(ch).length));
  assert.deepEqual([...lengths].sort(), [1, 2, 3, 4]);
});

test('a nonce section changes the bytes, not the module', async () => {
  const nonced = new NoncedWasm(context.wasmBytes);
  const first = nonced.fresh().slice();
  const second = nonced.fresh().slice();
  assert.notDeepEqual(first, second);
  assert.deepEqual(withNonce(context.wasmBytes, 1), first, 'the first fresh() is nonce 1');
  const module = await WebAssembly.compile(second);
  const [section] = WebAssembly.Module.customSections(module, 'wasm-compat-bench-nonce');
  assert.equal(new DataView(section!).getUint32(0, true), 2);
  assert.deepEqual(WebAssembly.Module.exports(module), WebAssembly.Module.exports(new WebAssembly.Module(context.wasmBytes)));
});
