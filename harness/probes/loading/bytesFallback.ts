// loading.bytesFallback: fetch -> arrayBuffer -> WebAssembly.instantiate(bytes), the fallback
// wasm-bindgen's glue and vite-plugin-wasm use when the server sends the wrong Content-Type.
// It ignores the MIME type, so it must work wherever WebAssembly works; its cost over streaming
// is the wait for the last byte before compiling starts, hence the separate timings.
import { defineProbe, subjectWasmUrl } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { describeLink, glueMismatch, instanceProblems, subjectImportsFor } from './_subjectImports.ts';

export default defineProbe({
  title: 'fetch → arrayBuffer → WebAssembly.instantiate(bytes)',
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const wasmUrl = subjectWasmUrl(context);
    const imports = await subjectImportsFor(wasmUrl, context);
    const mismatch = glueMismatch(imports);
    if (mismatch) return { status: 'fail', detail: mismatch, data: { missingImports: imports.missing } };
    const start = performance.now();
    const response = await fetch(wasmUrl);
    const contentType = response.headers.get('Content-Type');
    const bytes = await response.arrayBuffer();
    const fetched = performance.now() - start;
    try {
      const { instance, module } = await WebAssembly.instantiate(bytes, imports.imports);
      const instantiate = performance.now() - start - fetched;
      const problems = instanceProblems(instance, module);
      return {
        status: problems.length === 0 ? 'pass' : 'fail',
        detail: `${problems.length === 0 ? '' : `${problems.join('; ')}; `}fetched ${bytes.byteLength} bytes in ${fetched.toFixed(1)} ms, instantiated in ${instantiate.toFixed(1)} ms; ${describeLink(module, imports)} (Content-Type: ${contentType})`,
        timings: { fetch: fetched, instantiate },
        data: { contentType, bytes: bytes.byteLength, importsFrom: imports.from, problems },
      };
    } catch (error) {
      return { status: 'fail', detail: `instantiate(bytes) rejected: ${describeError(error)}`, data: { contentType, error: describeError(error) } };
    }
  },
});
