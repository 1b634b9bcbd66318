// errors.compileError: bytes that are not a valid module are refused with
// WebAssembly.CompileError, by the synchronous constructor (a throw) and by the asynchronous
// compile (a rejection), and WebAssembly.validate says false. The bytes decode fine but fail
// validation: a function typed () -> i32 whose body leaves nothing on the stack.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';

// (module (func (result i32)))  -- invalid: the body does not produce its i32. Bytes, not a .wat
// like the other probes' modules: binaryen validates what it compiles and will not write an invalid module.
const INVALID = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7f, // type ()->i32
  0x03,
  0x02,
  0x01,
  0x00,
  0x0a,
  0x04,
  0x01,
  0x02,
  0x00,
  0x0b, // body: no locals, end
]);

function describe(error: unknown): { name: string; message: string; isCompileError: boolean } {
  return { name: error instanceof Error ? error.name : typeof error, message: describeError(error), isCompileError: error instanceof WebAssembly.CompileError };
}

export default defineProbe({
  title: 'Invalid bytes give WebAssembly.CompileError',
  needsWebAssembly: true,
  inWorkers: true,
  async run() {
    const validates = WebAssembly.validate(INVALID);
    let sync = { name: 'none', message: 'new WebAssembly.Module accepted the bytes', isCompileError: false };
    try {
      new WebAssembly.Module(INVALID);
    } catch (error) {
      sync = describe(error);
    }
    const async = await WebAssembly.compile(INVALID).then(() => ({ name: 'none', message: 'WebAssembly.compile resolved', isCompileError: false }), describe);
    const ok = !validates && sync.isCompileError && async.isCompileError;
    return {
      status: ok ? 'pass' : 'fail',
      detail: `validate ${validates}; sync: ${sync.message}; async: ${async.message}`,
      validates,
      data: { sync, async },
    };
  },
});
