// execution.jsFallback: the page's JavaScript fallback, the crate's TypeScript twins alone on
// known answers. This is what a site runs when WebAssembly is switched off (iOS Lockdown Mode, an
// enterprise policy, a JIT-less mode), so it needs no WebAssembly and must pass everywhere.
import * as twins from '../../twins/index.ts';
import { defineProbe } from '../../../harness/probes/probe.ts';
import { describeError } from '../../../harness/probes/runProbe.ts';
import { sameValue, show } from './_sameValue.ts';

const KNOWN: Array<[string, () => unknown, unknown]> = [
  ['sieveCount(100)', () => twins.sieveCount(100), 25],
  ['sieveCount(10000)', () => twins.sieveCount(10_000), 1229],
  ['matmul 2×2', () => twins.matmul(new Float64Array([1, 2, 3, 4]), new Float64Array([5, 6, 7, 8]), 2), [19, 22, 43, 50]],
  ['mandelbrot(64, 48, 100)', () => twins.mandelbrot(64, 48, 100), 66192],
  ['stringRoundtrip(lone surrogate)', () => twins.stringRoundtrip('a\uD800b🦀'), 'a\uFFFDb🦀'],
  ['utf8Length("héllo 🦀")', () => twins.utf8Length('héllo 🦀'), 11],
  ['reverseChars("ab🦀")', () => twins.reverseChars('ab🦀'), '🦀ba'],
  ['wordCount', () => twins.wordCount(' one  two\u00A0three '), 3],
  [
    'jsonRoundtrip',
    () => JSON.parse(twins.jsonRoundtrip('[{"id":1,"name":"x","score":1.5,"active":true,"tags":["a"]}]')),
    [{ id: 1, name: 'x', score: 1.5, active: true, tags: ['a'], location: null }],
  ],
  ['allocFillChecksum(3)', () => twins.allocFillChecksum(3), 33],
  ['allocFillChecksum(100000)', () => twins.allocFillChecksum(100_000), 2542600531],
  ['sumF64([1.5, 2.5])', () => twins.sumF64(new Float64Array([1.5, 2.5])), 4],
  [
    'sortF64',
    () => {
      const v = new Float64Array([NaN, 0, -0, -1]);
      twins.sortF64(v);
      return v;
    },
    [-1, -0, 0, NaN],
  ],
  [
    'scaleOffsetF64',
    () => {
      const v = new Float64Array([1, 2]);
      twins.scaleOffsetF64(v, 2, 1);
      return v;
    },
    [3, 5],
  ],
];

export default defineProbe({
  title: 'JavaScript fallback (the twins, without WebAssembly)',
  needsWebAssembly: false,
  async run() {
    const wrong: string[] = [];
    for (const [name, call, expected] of KNOWN) {
      let actual: unknown;
      try {
        actual = call();
      } catch (error) {
        actual = `threw ${describeError(error)}`;
      }
      if (!sameValue(actual, expected)) wrong.push(`${name} = ${show(actual)}, expected ${show(expected)}`);
    }
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail:
        wrong.length === 0 ? `${KNOWN.length} known answers right from the TypeScript twins` : `${wrong.length} of ${KNOWN.length} wrong: ${wrong.join('; ')}`,
      data: { checked: KNOWN.map(([name]) => name), wrong },
    };
  },
});
