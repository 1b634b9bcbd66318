// loading.compileStreaming: WebAssembly.compileStreaming(fetch(url)) and then a separate
// instantiation, the route for code that compiles once and instantiates many times (or sends the
// Module to workers). Timed apart: compile is the engine's work on the bytes, instantiate the
// linking and memory set-up. Same Content-Type rule as instantiateStreaming; linked with the glue's imports.
import { defineProbe, subjectWasmUrl } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { mimeCause } from './_mimeCause.ts';
import { describeLink, glueMismatch, instanceProblems, subjectImports } from './_subjectImports.ts';

export default defineProbe({
  title: 'WebAssembly.compileStreaming, then instantiate',
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const wasmUrl = subjectWasmUrl(context);
    if (typeof WebAssembly.compileStreaming !== 'function') {
      return { status: 'unsupported', detail: 'WebAssembly.compileStreaming is not a function here' };
    }
    let contentType: string | null = null;
    let seen: { status: number; contentType: string | null } | null = null;
    const start = performance.now();
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compileStreaming(
        fetch(wasmUrl).then((r) => {
          contentType = r.headers.get('Content-Type');
          seen = { status: r.status, contentType };
          return r;
        }),
      );
    } catch (error) {
      return {
        status: 'fail',
        detail: `compileStreaming rejected: ${describeError(error)} (Content-Type: ${contentType})${mimeCause(seen)}`,
        data: { contentType, error: describeError(error) },
      };
    }
    const compile = performance.now() - start;
    const imports = subjectImports(module, context);
    const mismatch = glueMismatch(imports);
    if (mismatch) return { status: 'fail', detail: `compiled, but ${mismatch}`, data: { contentType, missingImports: imports.missing } };
    const linkStart = performance.now();
    try {
      const instance = await WebAssembly.instantiate(module, imports.imports);
      const instantiate = performance.now() - linkStart;
      const problems = instanceProblems(instance, module);
      return {
        status: problems.length === 0 ? 'pass' : 'fail',
        detail: `${problems.length === 0 ? 'compiled' : `${problems.join('; ')}; compiled`} in ${compile.toFixed(1)} ms, instantiated in ${instantiate.toFixed(1)} ms; ${describeLink(module, imports)} (Content-Type: ${contentType})`,
        timings: { compileStreaming: compile, instantiate },
        data: { contentType, importsFrom: imports.from, problems },
      };
    } catch (error) {
      return {
        status: 'fail',
        detail: `compiled in ${compile.toFixed(1)} ms, but instantiate rejected: ${describeError(error)}`,
        data: { contentType, error: describeError(error) },
      };
    }
  },
});
