// loading.compileStreaming: WebAssembly.compileStreaming(fetch(url)) and then a separate
// instantiation, the route for code that compiles once and instantiates many times (or sends the
// Module to workers). Timed apart: compile is the engine's work on the bytes, instantiate the
// linking and memory set-up. Same Content-Type rule as instantiateStreaming.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { mimeCause } from './_mimeCause.ts';
import { rawSieveCount, stubImports } from './_stubImports.ts';

export default defineProbe({
  title: 'WebAssembly.compileStreaming, then instantiate',
  needsWebAssembly: true,
  async run({ wasmUrl }) {
    if (typeof WebAssembly.compileStreaming !== 'function') {
      return { status: 'unsupported', detail: 'WebAssembly.compileStreaming is not a function here' };
    }
    let contentType: string | null = null;
    let seen: { status: number; contentType: string | null } | null = null;
    const start = performance.now();
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compileStreaming(fetch(wasmUrl).then((r) => ((contentType = r.headers.get('Content-Type')), (seen = { status: r.status, contentType }), r)));
    } catch (error) {
      return { status: 'fail', detail: `compileStreaming rejected: ${describeError(error)} (Content-Type: ${contentType})${mimeCause(seen)}`, data: { contentType, error: describeError(error) } };
    }
    const compile = performance.now() - start;
    const imports = stubImports(module);
    const linkStart = performance.now();
    const instance = await WebAssembly.instantiate(module, imports);
    const instantiate = performance.now() - linkStart;
    const answer = rawSieveCount(instance, 100);
    const ok = answer === 25;
    return {
      status: ok ? 'pass' : 'fail',
      detail: `${ok ? 'compiled' : `sieveCount(100) = ${String(answer)}, expected 25; compiled`} in ${compile.toFixed(1)} ms, instantiated in ${instantiate.toFixed(1)} ms (Content-Type: ${contentType})`,
      timings: { compileStreaming: compile, instantiate },
      data: { contentType, sieveCount100: answer },
    };
  },
});
