// memory.growDirect: WebAssembly.Memory growth as the JS API specifies it, without the crate.
// From JS: grow() answers the old page count, growth detaches views over the old buffer (byteLength
// 0; code that caches a view must re-create it), and growth past the maximum throws RangeError
// leaving the memory intact. From wasm: memory.grow past the maximum answers -1, no trap.
import type { Probe } from '../../probe.ts';
import { describeError } from '../../runProbe.ts';

const PAGE = 65_536;

// (module (memory (export "mem") 1 2)
//   (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
//   (func (export "size") (result i32) memory.size))
const GROW_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x0a, 0x02, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x01, 0x7f, // types: (i32)->i32, ()->i32
  0x03, 0x03, 0x02, 0x00, 0x01, // functions
  0x05, 0x04, 0x01, 0x01, 0x01, 0x02, // memory: min 1, max 2
  0x07, 0x15, 0x03, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x04, 0x67, 0x72, 0x6f, 0x77, 0x00, 0x00, 0x04, 0x73, 0x69, 0x7a, 0x65, 0x00, 0x01,
  0x0a, 0x0d, 0x02, 0x06, 0x00, 0x20, 0x00, 0x40, 0x00, 0x0b, 0x04, 0x00, 0x3f, 0x00, 0x0b,
]);

const probe: Probe = {
  id: 'memory.growDirect',
  title: 'WebAssembly.Memory grow, detach and maximum',
  category: 'memory',
  needsWebAssembly: true,
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
      growAnswer: 1, oldViewByteLength: 0, newView: [2 * PAGE, 42, 7], pastMaximum: 'RangeError', afterRefusal: [2 * PAGE, 42], wasm: [-1, 1, 1, 2, -1, 2, 2 * PAGE],
    };
    const wrong = Object.keys(expected).filter((k) => JSON.stringify(seen[k]) !== JSON.stringify(expected[k]));
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail: wrong.length === 0
        ? 'grow(1) answered 1, old view detached (byteLength 0), new view sees the data, grow past max threw RangeError, wasm memory.grow past max answered -1'
        : `unexpected: ${wrong.map((k) => `${k} ${JSON.stringify(seen[k])} (expected ${JSON.stringify(expected[k])})`).join('; ')}`,
      data: seen,
    };
  },
};

export default probe;
