// errors.trap: a wasm trap surfaces in JS as WebAssembly.RuntimeError, catchable, with an
// engine-specific message (reported). Two traps: i32.div_s by zero and `unreachable`, which is also
// how a Rust panic = "abort" ends. The instance answers again after each.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import TRAP_MODULE from './trap.wat';

function trapOf(call: () => unknown): { name: string; message: string; isRuntimeError: boolean } {
  try {
    return { name: 'none', message: `returned ${String(call())}`, isRuntimeError: false };
  } catch (error) {
    return {
      name: error instanceof Error ? error.name : typeof error,
      message: describeError(error),
      isRuntimeError: error instanceof WebAssembly.RuntimeError,
    };
  }
}

export default defineProbe({
  title: 'Traps become WebAssembly.RuntimeError',
  needsWebAssembly: true,
  inWorkers: true,
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
});
