// serving.wasmIntegrity: every .wasm build-info.json lists is there (not a 404), and the bytes the
// browser gets, after whatever Content-Encoding, are the built file: same SHA-256 as the build
// recorded, and it compiles. A truncated upload, a proxy that mangles binary bodies or a stale
// file left on a CDN fails here with a checksum mismatch, and usually a CompileError.
import { defineProbe, subjectWasmUrl } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { fetchBuildInfo, fetchServed, servedWasmUrls, shortUrl } from './_servedWasm.ts';

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export default defineProbe({
  title: 'Every .wasm is present, byte for byte the built file, and compiles',
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const wasmUrl = subjectWasmUrl(context);
    // SubtleCrypto exists only in secure contexts (https, or localhost).
    if (!globalThis.crypto?.subtle)
      return { status: 'unsupported', detail: 'crypto.subtle is missing: the page is not a secure context (serve it over https)' };
    const built = await fetchBuildInfo();
    if ('problem' in built) return { status: 'fail', detail: built.problem };
    const { info } = built;
    const problems: string[] = [];
    const files: Array<Record<string, unknown>> = [];
    for (const expected of info.wasm) {
      const url = new URL(expected.path, document.baseURI).href;
      const response = await fetchServed(url).catch((error: unknown) => describeError(error));
      if (typeof response === 'string' || !response.ok) {
        const why = typeof response === 'string' ? `fetch failed (${response})` : `HTTP ${response.status}`;
        problems.push(`${expected.path}: ${why}: the .wasm is missing from the deployment, so the page cannot load the crate`);
        files.push({ path: expected.path, status: typeof response === 'string' ? null : response.status });
        continue;
      }
      const { bytes } = response;
      const actual = await sha256(bytes);
      const compileError = await WebAssembly.compile(bytes).then(
        () => null,
        (error: unknown) => describeError(error),
      );
      files.push({
        path: expected.path,
        status: response.status,
        bytes: bytes.byteLength,
        sha256: actual,
        expectedBytes: expected.bytes,
        expectedSha256: expected.sha256,
        compileError,
      });
      if (actual !== expected.sha256) {
        problems.push(
          `${expected.path}: checksum mismatch: SHA-256 ${actual.slice(0, 16)}… of the ${bytes.byteLength} bytes served, build-info.json records ${expected.sha256.slice(0, 16)}… of ${expected.bytes} bytes ` +
            `(the file is truncated or corrupted${compileError ? `; compiling it throws ${compileError}` : ''})`,
        );
      } else if (compileError) {
        problems.push(`${expected.path}: the built file itself does not compile here: ${compileError}`);
      }
    }
    for (const url of servedWasmUrls(wasmUrl, info)) {
      if (!info.wasm.some((w) => new URL(w.path, document.baseURI).href === url))
        problems.push(`${shortUrl(url)} is used by the page but not listed in build-info.json`);
    }
    if (info.wasm.length === 0) problems.push('build-info.json lists no .wasm');
    return {
      status: problems.length === 0 ? 'pass' : 'fail',
      detail:
        problems.length === 0
          ? `${info.wasm.length} .wasm match build-info.json (SHA-256) and compile: ${info.wasm.map((w) => w.path).join(', ')}`
          : problems.join('; '),
      data: { files },
    };
  },
});
