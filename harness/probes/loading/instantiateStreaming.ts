// loading.instantiateStreaming: WebAssembly.instantiateStreaming(fetch(url)), the fastest way in:
// compiles while the bytes arrive. It insists on the Content-Type application/wasm (a TypeError
// otherwise), the classic production breakage behind a misconfigured server, so the probe reports
// the Content-Type it got. The raw instance gets stub imports; sieveCount needs none.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { mimeCause } from './_mimeCause.ts';
import { rawSieveCount, stubImportsFor } from './_stubImports.ts';

export default defineProbe({
  title: 'WebAssembly.instantiateStreaming(fetch(url))',
  needsWebAssembly: true,
  async run({ wasmUrl }) {
    if (typeof WebAssembly.instantiateStreaming !== 'function') {
      return { status: 'unsupported', detail: 'WebAssembly.instantiateStreaming is not a function here' };
    }
    const imports = await stubImportsFor(wasmUrl);
    let contentType: string | null = null;
    let seen: { status: number; contentType: string | null } | null = null;
    const start = performance.now();
    try {
      const response = fetch(wasmUrl).then((r) => ((contentType = r.headers.get('Content-Type')), (seen = { status: r.status, contentType }), r));
      const { instance } = await WebAssembly.instantiateStreaming(response, imports);
      const ms = performance.now() - start;
      const answer = rawSieveCount(instance, 100);
      const ok = answer === 25;
      return {
        status: ok ? 'pass' : 'fail',
        detail: `${ok ? 'instantiated' : `instantiated, but sieveCount(100) = ${String(answer)}`} in ${ms.toFixed(1)} ms (Content-Type: ${contentType})`,
        timings: { instantiateStreaming: ms },
        data: { contentType, sieveCount100: answer },
      };
    } catch (error) {
      return {
        status: 'fail',
        detail: `instantiateStreaming rejected: ${describeError(error)} (Content-Type: ${contentType})${mimeCause(seen)}`,
        timings: { instantiateStreaming: performance.now() - start },
        data: { contentType, error: describeError(error) },
      };
    }
  },
});
