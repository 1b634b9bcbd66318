// serving.headers: the response headers as this browser received them, for the page and for the
// crate's .wasm: the security headers every deployment needs (CSP with 'wasm-unsafe-eval' and
// nothing unsafe, nosniff, Referrer-Policy, CORP, no server version) decide the status; the rest
// (COOP/COEP, caching, Content-Encoding and the transfer sizes) is reported in data for the specs,
// which know how the target is meant to serve (tests/specs/serving.spec.ts).
import { type HeaderGetter, securityFindings } from '../../../deploy/headerRules.ts';
import { defineProbe } from '../probe.ts';
import { fetchServed, type ServedFile, shortUrl } from './_servedWasm.ts';

const REPORTED = [
  'Content-Type',
  'Content-Encoding',
  'Content-Length',
  'Cache-Control',
  'Vary',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Embedder-Policy',
  'Cross-Origin-Resource-Policy',
  'Content-Security-Policy',
  'X-Content-Type-Options',
  'Referrer-Policy',
  'Access-Control-Allow-Origin',
  'Server',
  'X-Powered-By',
];

type Seen = Record<string, string | null>;

async function headersOf(url: string): Promise<{ status: number; headers: Seen; timing: ServedFile['timing'] }> {
  const response = await fetchServed(url);
  const headers = Object.fromEntries(REPORTED.map((name) => [name, response.headers.get(name)]));
  return { status: response.status, headers, timing: response.timing };
}

export default defineProbe({
  title: 'Security, isolation, caching and compression headers',
  needsWebAssembly: true,
  async run({ wasmUrl }) {
    const page = await headersOf(location.href);
    // A library crate builds no .wasm: the page's own headers are still the deployment's to get right.
    const wasm = wasmUrl === null ? null : await headersOf(new URL(wasmUrl, document.baseURI).href);
    const get =
      (seen: Seen): HeaderGetter =>
      (name) =>
        seen[name] ?? null;
    const findings = [
      ...securityFindings(get(page.headers), 'the page', 'document'),
      ...(wasm && wasmUrl ? securityFindings(get(wasm.headers), shortUrl(wasmUrl), 'subresource') : []),
    ];
    const failed = findings.filter((f) => !f.ok);
    const isolation = `COOP ${page.headers['Cross-Origin-Opener-Policy'] ?? 'none'}, COEP ${page.headers['Cross-Origin-Embedder-Policy'] ?? 'none'}`;
    return {
      status: failed.length === 0 ? 'pass' : 'fail',
      detail:
        failed.length > 0
          ? failed.map((f) => f.message).join('; ')
          : wasm
            ? `security headers present on the page and the .wasm; ${isolation}; .wasm Content-Encoding ${wasm.headers['Content-Encoding'] ?? 'none'}`
            : `security headers present on the page; ${isolation}; no .wasm of the subject's to check (it builds none)`,
      data: { page, wasm, wasmPath: wasmUrl === null ? null : shortUrl(wasmUrl), crossOriginIsolated: globalThis.crossOriginIsolated ?? null },
    };
  },
});
