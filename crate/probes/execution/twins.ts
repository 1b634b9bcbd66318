// execution.twins: every crate export, called through the wasm-pack glue with known inputs, must
// give what its TypeScript twin (crate/twins/) gives. This catches engine and glue bugs at the
// JS/WASM boundary: UTF-16 <-> UTF-8 (astral chars, lone surrogates), f64 edge values (-0, NaN,
// Infinity), typed arrays copied back in place, serde values, errors crossing as exceptions.
import pkg from '../../pkg/package.json';
import * as twins from '../../twins/index.ts';
import { demoProbe } from '../demoProbe.ts';
import { describeError } from '../../../harness/probes/runProbe.ts';
import { sameValue, show } from './_sameValue.ts';

const TEXT = 'héllo wörld 🦀 𝄞 lone \uD800 and trail \uDC00 end';
const WORDS = ' one  two\u00A0three\u2003four \u0085five seven\uFEFFeight\t';
const UNSORTED = [3, -0, 0, NaN, -1, Infinity, -Infinity, 0, -0, 2.5, 1e-310];
const A = [1, 2.5, -3, 0.1, 0, 7, -0, 1e10, 4];
const B = [0.5, -2, 3, 1, 1e-3, -7, 2, 0.25, -1];
type Side = typeof twins;

// [export, call on one side, and for a call that must throw: what its message must say]; both
// sides run the same call, on the crate module or on the twins.
const CASES: Array<[string, (m: Side) => unknown, RegExp?]> = [
  ['sieveCount', (m) => [m.sieveCount(0), m.sieveCount(100), m.sieveCount(10_000)]],
  ['matmul', (m) => m.matmul(new Float64Array(A), new Float64Array(B), 3)],
  ['matmul (size mismatch)', (m) => m.matmul(new Float64Array(4), new Float64Array(9), 3), /^matmul: expected two arrays of 9 values for n = 3, got 4 and 9$/],
  ['mandelbrot', (m) => m.mandelbrot(64, 48, 100)],
  ['stringRoundtrip', (m) => [m.stringRoundtrip(TEXT), m.stringRoundtrip('')]],
  ['utf8Length', (m) => [m.utf8Length(TEXT), m.utf8Length('')]],
  ['reverseChars', (m) => m.reverseChars(TEXT)],
  ['wordCount', (m) => [m.wordCount(WORDS), m.wordCount('   ')]],
  ['jsonRoundtrip', (m) => JSON.parse(m.jsonRoundtrip(twins.sampleRecordsJson(7)))],
  // serde and JSON.parse word the cause differently; the kind of error is what must agree.
  ['jsonRoundtrip (invalid)', (m) => m.jsonRoundtrip('[{"id": -1}]'), /^invalid records JSON: /],
  ['serdeRoundtrip', (m) => m.serdeRoundtrip(twins.sampleRecords(7))],
  ['sampleRecordsJson', (m) => JSON.parse(m.sampleRecordsJson(12))],
  ['allocFillChecksum', (m) => [m.allocFillChecksum(0), m.allocFillChecksum(3), m.allocFillChecksum(100_000)]],
  ['sumF64', (m) => [m.sumF64(new Float64Array([0.1, 0.2, 0.3, 1e16, -1e16, 5e-324])), m.sumF64(new Float64Array(0))]],
  [
    'sortF64',
    (m) => {
      const v = new Float64Array(UNSORTED);
      m.sortF64(v);
      return v;
    },
  ],
  [
    'scaleOffsetF64',
    (m) => {
      const v = new Float64Array([1, -2, 0.5, 1e300, -0]);
      m.scaleOffsetF64(v, 2.5, -1);
      return v;
    },
  ],
  ['noop', (m) => m.noop()],
  [
    'Block',
    (m) => {
      const b = new m.Block(4096);
      const n = b.length;
      b.free();
      return n;
    },
  ],
];

function attempt(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return { threw: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : describeError(error) };
  }
}

const probe = demoProbe({
  title: 'Every export agrees with its TypeScript twin',
  async run(crate) {
    const mismatches: Array<{ name: string; wasm: string; twin: string }> = [];
    const names = CASES.map(([name]) => name);
    for (const [name, call, errorKind] of CASES) {
      const wasm = attempt(() => call(crate as unknown as Side));
      const twin = attempt(() => call(twins as Side));
      // A call that must throw agrees when both sides throw the same error, of the kind stated; any
      // other throw counts as a value, so two errors with different messages disagree.
      const agree = errorKind
        ? isThrow(wasm) && isThrow(twin) && wasm.threw === twin.threw && errorKind.test(wasm.message) && errorKind.test(twin.message)
        : sameValue(wasm, twin);
      if (!agree) mismatches.push({ name, wasm: show(wasm), twin: show(twin) });
    }
    const info = attempt(() => JSON.parse(crate.buildInfo()) as { version?: string });
    const version = (info as { version?: string }).version;
    names.push('buildInfo');
    if (version !== pkg.version) mismatches.push({ name: 'buildInfo', wasm: show(info), twin: `version ${pkg.version}` });
    const detail =
      mismatches.length === 0
        ? `${names.length} exports agree with their twins (crate ${version})`
        : `${mismatches.length} of ${names.length} disagree: ${mismatches.map((m) => `${m.name} (wasm ${m.wasm}, twin ${m.twin})`).join('; ')}`;
    return { status: mismatches.length === 0 ? 'pass' : 'fail', detail, data: { checked: names, mismatches, buildInfo: info } };
  },
});

function isThrow(v: unknown): v is { threw: string; message: string } {
  return typeof v === 'object' && v !== null && 'threw' in v;
}

export default probe;
