// errors.trap: a wasm trap surfaces in JS as WebAssembly.RuntimeError, catchable, with an
// engine-specific message (reported). Two traps: i32.div_s by zero and `unreachable`, which is also
// how a Rust panic = "abort" ends. The instance answers again after each.
import type { Probe } from '../../probe.ts';
import { describeError } from '../../runProbe.ts';

// (module (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
//         (func (export "trap") unreachable))
const TRAP_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x0a, 0x02, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x00, // types: (i32 i32)->i32, ()->()
  0x03, 0x03, 0x02, 0x00, 0x01, // functions
  0x07, 0x0e, 0x02, 0x03, 0x64, 0x69, 0x76, 0x00, 0x00, 0x04, 0x74, 0x72, 0x61, 0x70, 0x00, 0x01,
  0x0a, 0x0d, 0x02, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6d, 0x0b, 0x03, 0x00, 0x00, 0x0b,
]);

function trapOf(call: () => unknown): { name: string; message: string; isRuntimeError: boolean } {
  try {
    return { name: 'none', message: `returned ${String(call())}`, isRuntimeError: false };
  } catch (error) {
    return { name: error instanceof Error ? error.name : typeof error, message: describeError(error), isRuntimeError: error instanceof WebAssembly.RuntimeError };
  }
}

const probe: Probe = {
  id: 'errors.trap',
  title: 'Traps become WebAssembly.RuntimeError',
  category: 'errors',
  needsWebAssembly: true,
  async run() {
    const { exports } = await WebAssembly.instantiate(new WebAssembly.Module(TRAP_MODULE));
    const div = exports.div as (a: number, b: number) => number;
    const divByZero = trapOf(() => div(1, 0));
    const unreachable = trapOf(() => (exports.trap as () => void)());
    const after = div(84, 2);
    const ok = divByZero.isRuntimeError && unreachable.isRuntimeError && after === 42;
    return {
      status: ok ? 'pass' : 'fail',
      detail: `div by zero: ${divByZero.message}; unreachable: ${unreachable.message}; then div(84, 2) = ${after}`,
      data: { divByZero, unreachable, afterTrap: after },
    };
  },
};

export default probe;
