// limits.syncCompile: synchronous `new WebAssembly.Module(bytes)` of a module over 8 MB on the
// main thread. Chromium refuses it with a RangeError, to keep long compiles off the UI thread
// (Chromium 156: "WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger
// than 8MB. Use WebAssembly.compile, compile on a worker thread, or use the flag ..."); Firefox and
// WebKit allow it. Reported either way (data.allowed), and the spec compares with expectations.
// The module is valid: a memory and a 9 MiB active data segment (like an embedded asset); when the
// sync path is refused, the async compile of the same bytes must succeed.
import { defineProbe, type ProbeOutcome } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { uleb } from '../../wasmEncoding.ts';

const DATA_BYTES = 9 * 2 ** 20;

/** (module (memory 144) (data (i32.const 0) "<9 MiB of a pattern>")), generated here, not written
 * as a .wat like the other probes' modules: its data would be megabytes of text in the repository and
 * tens of megabytes of array literal in the page's bundle (compileWat.ts emits a module's bytes as a
 * JS array), where this loop is a few lines. */
function largeModule(): Uint8Array<ArrayBuffer> {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const memory = [0x01, 0x00, ...uleb(DATA_BYTES / 65_536)]; // one memory, no maximum, min 144 pages
  const segment = [0x01, 0x00, 0x41, 0x00, 0x0b, ...uleb(DATA_BYTES)]; // one active segment at i32.const 0
  const head = [...header, 0x05, ...uleb(memory.length), ...memory, 0x0b, ...uleb(segment.length + DATA_BYTES), ...segment];
  const bytes = new Uint8Array(head.length + DATA_BYTES);
  bytes.set(head);
  for (let i = head.length; i < bytes.length; i++) bytes[i] = i & 0xff;
  return bytes;
}

export default defineProbe({
  title: 'Synchronous compile of a module over 8 MB',
  needsWebAssembly: true,
  inWorkers: true,
  async run(): Promise<ProbeOutcome> {
    const bytes = largeModule();
    const sizeMB = (bytes.length / 1e6).toFixed(1);
    if (!WebAssembly.validate(bytes)) return { status: 'fail', detail: `the ${sizeMB} MB test module does not validate (probe bug)` };
    const start = performance.now();
    try {
      new WebAssembly.Module(bytes);
      const ms = performance.now() - start;
      return {
        status: 'pass',
        detail: `allowed: new WebAssembly.Module of ${sizeMB} MB compiled in ${ms.toFixed(1)} ms`,
        timings: { syncCompile: ms },
        data: { allowed: true, bytes: bytes.length },
      };
    } catch (error) {
      const refusal = describeError(error);
      const asyncStart = performance.now();
      const asyncResult = await WebAssembly.compile(bytes).then(
        () => 'compiled',
        (e: unknown) => describeError(e),
      );
      const asyncMs = performance.now() - asyncStart;
      return {
        status: asyncResult === 'compiled' ? 'pass' : 'fail',
        detail: `refused: ${refusal}; WebAssembly.compile of the same ${sizeMB} MB: ${asyncResult} in ${asyncMs.toFixed(1)} ms`,
        timings: { asyncCompile: asyncMs },
        data: { allowed: false, bytes: bytes.length, errorName: error instanceof Error ? error.name : typeof error, error: refusal, asyncCompile: asyncResult },
      };
    }
  },
});
