// serving.wasmMimeType: every .wasm the page uses is served as exactly application/wasm. Anything
// else (application/octet-stream is the classic: a server without a wasm entry in its MIME table)
// makes instantiateStreaming and compileStreaming reject with a TypeError; the page still works
// through the bytes fallback, only slower, which is why this misconfiguration goes unnoticed.
import { wasmMimeTypeProblem } from '../../../deploy/headerRules.ts';
import { defineProbe, subjectWasmUrl } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { fetchBuildInfo, fetchServed, servedWasmUrls, shortUrl } from './_servedWasm.ts';

export default defineProbe({
  title: 'Every .wasm is served as application/wasm',
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const wasmUrl = subjectWasmUrl(context);
    const built = await fetchBuildInfo();
    const files: Array<{ path: string; status: number | null; contentType: string | null }> = [];
    const problems: string[] = [];
    for (const url of servedWasmUrls(wasmUrl, 'info' in built ? built.info : null)) {
      const path = shortUrl(url);
      try {
        const response = await fetchServed(url);
        const contentType = response.headers.get('Content-Type');
        files.push({ path, status: response.status, contentType });
        if (!response.ok) problems.push(`${path}: HTTP ${response.status}`);
        else {
          const problem = wasmMimeTypeProblem(contentType);
          if (problem) problems.push(`${path} ${problem}`);
        }
      } catch (error) {
        files.push({ path, status: null, contentType: null });
        problems.push(`${path}: fetch failed (${describeError(error)})`);
      }
    }
    return {
      status: problems.length === 0 ? 'pass' : 'fail',
      detail: problems.length === 0 ? `${files.length} .wasm served as application/wasm (${files.map((f) => f.path).join(', ')})` : problems.join('; '),
      data: { files },
    };
  },
});
