// loading.bytesFallback: fetch -> arrayBuffer -> WebAssembly.instantiate(bytes), the fallback
// wasm-bindgen's glue and vite-plugin-wasm use when the server sends the wrong Content-Type.
// It ignores the MIME type, so it must work wherever WebAssembly works; its cost over streaming
// is the wait for the last byte before compiling starts, hence the separate timings.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { rawSieveCount, stubImportsFor } from './_stubImports.ts';

export default defineProbe({
  title: 'fetch → arrayBuffer → WebAssembly.instantiate(bytes)',
  needsWebAssembly: true,
  async run({ wasmUrl }) {
    const imports = await stubImportsFor(wasmUrl);
    const start = performance.now();
    const response = await fetch(wasmUrl);
    const contentType = response.headers.get('Content-Type');
    const bytes = await response.arrayBuffer();
    const fetched = performance.now() - start;
    try {
      const { instance } = await WebAssembly.instantiate(bytes, imports);
      const instantiate = performance.now() - start - fetched;
      const answer = rawSieveCount(instance, 100);
      const ok = answer === 25;
      return {
        status: ok ? 'pass' : 'fail',
        detail: `${ok ? '' : `sieveCount(100) = ${String(answer)}, expected 25; `}fetched ${bytes.byteLength} bytes in ${fetched.toFixed(1)} ms, instantiated in ${instantiate.toFixed(1)} ms (Content-Type: ${contentType})`,
        timings: { fetch: fetched, instantiate },
        data: { contentType, bytes: bytes.byteLength, sieveCount100: answer },
      };
    } catch (error) {
      return { status: 'fail', detail: `instantiate(bytes) rejected: ${describeError(error)}`, data: { contentType, error: describeError(error) } };
    }
  },
});
