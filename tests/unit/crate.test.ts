// Every crate export against its TypeScript twin, on several inputs (empty and large included),
// in Node, on the wasm-pack output in crate/pkg (or WASM_COMPAT_PKG).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { type Crate, loadCrateFromDir } from '../../crate/js/nodeLoader.ts';
import { WasmPanicError } from '../../crate/js/panicMessages.ts';
import * as twin from '../../crate/twins/index.ts';
import { benchedPkgDir } from '../../benches/benchedBuild.ts';

const pkgDir = benchedPkgDir();
let wasm: Crate;

before(async () => {
  const info = JSON.parse(readFileSync(join(pkgDir, 'build-info.json'), 'utf8')) as { target: string };
  wasm = await loadCrateFromDir(pkgDir, info.target);
});

/** Deterministic pseudo-random doubles (xorshift), so failures reproduce. */
function doubles(n: number, seed = 42): Float64Array {
  const out = new Float64Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = (x / 0xffffffff - 0.5) * 2000;
  }
  return out;
}

describe('math kernels equal their twins', () => {
  test('sieveCount', () => {
    for (const limit of [0, 1, 2, 3, 100, 7919, 1_000_000]) assert.equal(wasm.sieveCount(limit), twin.sieveCount(limit), `limit ${limit}`);
    assert.equal(wasm.sieveCount(1_000_000), 78_498);
  });

  test('matmul, bit for bit', () => {
    for (const n of [0, 1, 3, 64]) {
      const a = doubles(n * n, 1);
      const b = doubles(n * n, 2);
      assert.deepEqual(Array.from(wasm.matmul(a, b, n)), Array.from(twin.matmul(a, b, n)), `n ${n}`);
    }
  });

  test('matmul rejects mismatched shapes with the same message', () => {
    const a = new Float64Array(4);
    const b = new Float64Array(3);
    assert.throws(() => wasm.matmul(a, b, 2), { message: 'matmul: expected two arrays of 4 values for n = 2, got 4 and 3' });
    assert.throws(() => twin.matmul(a, b, 2), { message: 'matmul: expected two arrays of 4 values for n = 2, got 4 and 3' });
  });

  test('mandelbrot', () => {
    for (const [w, h, it] of [
      [0, 0, 10],
      [1, 1, 100],
      [64, 48, 100],
      [200, 200, 255],
    ] as const) {
      assert.equal(wasm.mandelbrot(w, h, it), twin.mandelbrot(w, h, it), `${w}x${h}x${it}`);
    }
  });
});

describe('string kernels equal their twins', () => {
  const samples = [
    '',
    'plain ascii',
    'héllo wörld',
    '日本語のテキスト',
    '🦀 crab 𝄞 clef 👩‍👩‍👧',
    'lone \uD800 high',
    'lone \uDC00 low',
    ' \u00A0nbsp\u2003em\u0085nel\uFEFFbom ',
    'x'.repeat(100_000) + '🦀'.repeat(10_000),
  ];

  test('stringRoundtrip keeps astral characters (and makes lone surrogates U+FFFD, as TextEncoder does)', () => {
    for (const s of samples) assert.equal(wasm.stringRoundtrip(s), twin.stringRoundtrip(s));
    assert.equal(wasm.stringRoundtrip('🦀𝄞'), '🦀𝄞');
    assert.equal(wasm.stringRoundtrip('a\uD800b'), 'a\uFFFDb');
  });

  test('utf8Length, reverseChars, wordCount', () => {
    for (const s of samples) {
      assert.equal(wasm.utf8Length(s), twin.utf8Length(s), `utf8Length of ${JSON.stringify(s.slice(0, 20))}`);
      assert.equal(wasm.utf8Length(s), new TextEncoder().encode(s).length);
      assert.equal(wasm.reverseChars(s), twin.reverseChars(s), `reverseChars of ${JSON.stringify(s.slice(0, 20))}`);
      assert.equal(wasm.wordCount(s), twin.wordCount(s), `wordCount of ${JSON.stringify(s.slice(0, 20))}`);
    }
    assert.equal(wasm.reverseChars('a🦀b'), 'b🦀a');
    assert.equal(wasm.wordCount(' \u00A0nbsp\u2003em\u0085nel\uFEFFbom '), 3);
  });
});

describe('serialization equals its twin', () => {
  test('sampleRecordsJson', () => {
    for (const n of [0, 1, 7, 1000]) assert.deepEqual(JSON.parse(wasm.sampleRecordsJson(n)), JSON.parse(twin.sampleRecordsJson(n)));
  });

  test('jsonRoundtrip and serdeRoundtrip', () => {
    for (const n of [0, 5, 500]) {
      const json = twin.sampleRecordsJson(n);
      assert.deepEqual(JSON.parse(wasm.jsonRoundtrip(json)), JSON.parse(twin.jsonRoundtrip(json)));
      const value = JSON.parse(json) as unknown;
      assert.deepEqual(wasm.serdeRoundtrip(value), twin.serdeRoundtrip(value));
    }
  });

  test('wrong shapes are rejected by both, naming the cause', () => {
    for (const bad of ['not json', '[{"id": 1}]', '[{"id":1,"name":"a","score":1,"active":true,"tags":[],"location":null,"extra":1}]']) {
      assert.throws(() => wasm.jsonRoundtrip(bad), /^Error: invalid records JSON: /);
      assert.throws(() => twin.jsonRoundtrip(bad), /^Error: invalid records JSON: /);
    }
    assert.throws(() => wasm.jsonRoundtrip('[{"id": 1}]'), /missing field `name`/);
    assert.throws(() => wasm.serdeRoundtrip([{ id: 'x' }]), /^Error: invalid records: /);
    assert.throws(() => twin.serdeRoundtrip([{ id: 'x' }]), /^Error: invalid records: /);
  });
});

describe('array kernels equal their twins', () => {
  const inputs = [new Float64Array(0), new Float64Array([1.5, -0, 0, NaN, -Infinity, 3, -1e-300]), doubles(100_000, 7)];

  test('sumF64', () => {
    for (const a of inputs) assert.ok(Object.is(wasm.sumF64(a), twin.sumF64(a)));
  });

  test('sortF64 in place', () => {
    for (const a of inputs) {
      const w = a.slice();
      const t = a.slice();
      wasm.sortF64(w);
      twin.sortF64(t);
      assert.ok(
        w.every((v, i) => Object.is(v, t[i])),
        'same order, -0 before +0, NaN last',
      );
    }
  });

  test('scaleOffsetF64 in place', () => {
    for (const a of inputs) {
      const w = a.slice();
      const t = a.slice();
      wasm.scaleOffsetF64(w, 1.5, -2);
      twin.scaleOffsetF64(t, 1.5, -2);
      assert.ok(w.every((v, i) => Object.is(v, t[i])));
    }
  });
});

describe('memory', () => {
  test('allocFillChecksum', () => {
    for (const n of [0, 1, 3, 4096, 1 << 22]) assert.equal(wasm.allocFillChecksum(n), twin.allocFillChecksum(n), `len ${n}`);
  });

  test('a Block raises bytesInUse by its size, and free() gives it back', () => {
    const before = wasm.bytesInUse();
    const block = new wasm.Block(1 << 20);
    assert.equal(block.length, 1 << 20);
    assert.ok(wasm.bytesInUse() - before >= 1 << 20, `in use rose by ${wasm.bytesInUse() - before}`);
    block.free();
    assert.ok(wasm.bytesInUse() - before < 1 << 10, `in use after free is ${wasm.bytesInUse() - before} above the start`);
  });

  test('growMemory reports the previous page count and memoryPages the new one', () => {
    const start = wasm.memoryPages();
    assert.equal(wasm.growMemory(3), start);
    assert.equal(wasm.memoryPages(), start + 3);
    assert.equal(wasm.growMemory(0), start + 3);
    assert.equal(wasm.growMemory(70_000), -1, 'past the 4 GiB ceiling, memory.grow refuses');
    assert.equal(wasm.memoryPages(), start + 3, 'a refused growth changes nothing');
  });

  test('the twin PagedBuffer grows like linear memory', () => {
    const buffer = new twin.PagedBuffer(1, 4);
    assert.equal(buffer.grow(2), 1);
    assert.equal(buffer.pages, 3);
    assert.equal(buffer.grow(2), -1);
    assert.equal(buffer.pages, 3);
  });
});

describe('calls and errors', () => {
  test('noop returns undefined, like its twin', () => {
    assert.equal(wasm.noop(), undefined);
    assert.equal(twin.noop(), undefined);
  });

  test('a panic reaches JS as a catchable error carrying its message, and the instance goes on', () => {
    for (let i = 0; i < 3; i++) {
      assert.throws(
        () => wasm.panicWithMessage(`known panic #${i}`),
        (error: unknown) => error instanceof WasmPanicError && error.message === `known panic #${i}` && error.cause instanceof WebAssembly.RuntimeError,
      );
      assert.equal(wasm.sieveCount(100), 25, 'the instance still answers after the panic');
    }
    assert.equal(wasm.takePanicMessage(), undefined, 'the message was taken once');
  });

  test('many panics do not exhaust the shadow stack (the wrapper restores it after each trap)', () => {
    // Without the restore, each panic leaked its frames and the 8192nd broke the instance.
    for (let i = 0; i < 10_000; i++) assert.throws(() => wasm.panicWithMessage('again'), WasmPanicError);
    assert.equal(wasm.stringRoundtrip('still 🦀'), 'still 🦀');
  });

  test('buildInfo names the crate and its version', () => {
    const info = JSON.parse(wasm.buildInfo()) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    assert.equal(info.crate, 'wasm-compat');
    assert.equal(info.version, pkg.version);
    assert.equal(info.target, 'wasm32');
    assert.ok(info.profile === 'release' || info.profile === 'debug');
  });
});

describe('execution.twins judges errors by their kind, not their name alone', () => {
  const runTwins = async (crate: Crate) => {
    const { default: probe } = await import('../../crate/probes/execution/twins.ts');
    return probe.run({ crate } as unknown as Parameters<typeof probe.run>[0]);
  };
  test('the crate as built agrees with its twins', async () => {
    const outcome = await runTwins(wasm);
    assert.equal(outcome.status, 'pass', outcome.detail);
  });
  test('an Error thrown for another reason disagrees, though both are plain Errors', async () => {
    const otherReason = new Proxy(wasm, {
      get: (target, key) =>
        key === 'matmul'
          ? () => {
              throw new Error('out of memory');
            }
          : Reflect.get(target, key),
    });
    const outcome = await runTwins(otherReason);
    assert.equal(outcome.status, 'fail');
    assert.match(outcome.detail, /matmul \(size mismatch\) \(wasm \{"threw":"Error","message":"out of memory"\}/);
  });
});
