// memory.growDirect: WebAssembly.Memory growth as the JS API specifies it, without the crate.
// From JS: grow() answers the old page count, growth detaches views over the old buffer (byteLength
// 0; code that caches a view must re-create it), and growth past the maximum throws RangeError
// leaving the memory intact. From wasm: memory.grow past the maximum answers -1, no trap.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import GROW_MODULE from './growDirect.wat';

const PAGE = 65_536;

export default defineProbe({
  title: 'WebAssembly.Memory grow, detach and maximum',
  needsWebAssembly: true,
  inWorkers: true,
  async run() {
    const seen: Record<string, unknown> = {};
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const oldView = new Uint8Array(memory.buffer);
    oldView[0] = 42;
    seen.growAnswer = memory.grow(1);
    seen.oldViewByteLength = oldView.byteLength;
    const view = new Uint8Array(memory.buffer);
    view[PAGE + 1] = 7;
    seen.newView = [view.byteLength, view[0], view[PAGE + 1]];
    try {
      seen.pastMaximum = `no error, answered ${memory.grow(3)}`;
    } catch (error) {
      seen.pastMaximum = error instanceof Error ? error.name : describeError(error);
      seen.pastMaximumMessage = describeError(error);
    }
    const still = new Uint8Array(memory.buffer);
    seen.afterRefusal = [still.byteLength, still[0]];
    const { exports } = await WebAssembly.instantiate(new WebAssembly.Module(GROW_MODULE));
    const grow = exports.grow as (n: number) => number;
    const size = exports.size as () => number;
    seen.wasm = [grow(5), size(), grow(1), size(), grow(1), size(), (exports.mem as WebAssembly.Memory).buffer.byteLength];
    const expected: Record<string, unknown> = {
      growAnswer: 1,
      oldViewByteLength: 0,
      newView: [2 * PAGE, 42, 7],
      pastMaximum: 'RangeError',
      afterRefusal: [2 * PAGE, 42],
      wasm: [-1, 1, 1, 2, -1, 2, 2 * PAGE],
    };
    const wrong = Object.keys(expected).filter((k) => JSON.stringify(seen[k]) !== JSON.stringify(expected[k]));
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail:
        wrong.length === 0
          ? 'grow(1) answered 1, old view detached (byteLength 0), new view sees the data, grow past max threw RangeError, wasm memory.grow past max answered -1'
          : `unexpected: ${wrong.map((k) => `${k} ${JSON.stringify(seen[k])} (expected ${JSON.stringify(expected[k])})`).join('; ')}`,
      data: seen,
    };
  },
});
