// loading.instantiateStreaming: WebAssembly.instantiateStreaming(fetch(url)), the fastest way in:
// compiles while the bytes arrive. It insists on the Content-Type application/wasm (a TypeError
// otherwise), the classic production breakage behind a misconfigured server, so the probe reports
// the Content-Type it got. The subject's module is linked with its own glue's imports.
import { defineProbe, subjectWasmUrl } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { mimeCause } from './_mimeCause.ts';
import { describeLink, glueMismatch, instanceProblems, subjectImportsFor } from './_subjectImports.ts';

export default defineProbe({
  title: 'WebAssembly.instantiateStreaming(fetch(url))',
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const wasmUrl = subjectWasmUrl(context);
    if (typeof WebAssembly.instantiateStreaming !== 'function') {
      return { status: 'unsupported', detail: 'WebAssembly.instantiateStreaming is not a function here' };
    }
    const imports = await subjectImportsFor(wasmUrl, context);
    const mismatch = glueMismatch(imports);
    if (mismatch) return { status: 'fail', detail: mismatch, data: { missingImports: imports.missing } };
    let contentType: string | null = null;
    let seen: { status: number; contentType: string | null } | null = null;
    const start = performance.now();
    try {
      const response = fetch(wasmUrl).then((r) => {
        contentType = r.headers.get('Content-Type');
        seen = { status: r.status, contentType };
        return r;
      });
      const { instance, module } = await WebAssembly.instantiateStreaming(response, imports.imports);
      const ms = performance.now() - start;
      const problems = instanceProblems(instance, module);
      return {
        status: problems.length === 0 ? 'pass' : 'fail',
        detail: `${problems.length === 0 ? 'instantiated' : `instantiated, but ${problems.join('; ')}`} in ${ms.toFixed(1)} ms; ${describeLink(module, imports)} (Content-Type: ${contentType})`,
        timings: { instantiateStreaming: ms },
        data: { contentType, importsFrom: imports.from, problems },
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
