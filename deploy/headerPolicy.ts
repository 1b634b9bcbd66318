// What every wasm-compat server sends, as data: the Vite dev and preview servers apply it
// (servingPlugin.ts), deploy/nginx.conf repeats it literally for production (a unit test keeps the
// two equal), and the suite's checks expect it (serving/checks/). docs/serving.md says why each one.
// - COOP same-origin + COEP require-corp (or credentialless) make the page cross-origin isolated,
//   without which there is no SharedArrayBuffer, so no wasm threads, and performance.now() is coarse
//   (HTML, "cross-origin isolated capability").
// - CORP cross-origin lets an isolated page on another origin embed our .wasm and scripts.
// - CSP allows WebAssembly compilation ('wasm-unsafe-eval', CSP3) and nothing unsafe beyond it:
//   no 'unsafe-eval', no 'unsafe-inline', no blob:/data: scripts or workers.

/** How a server makes the page cross-origin isolated: COEP require-corp or credentialless, or not at all. */
export type Isolation = 'require-corp' | 'credentialless' | 'none';

export const ISOLATIONS: readonly Isolation[] = ['require-corp', 'credentialless', 'none'];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent on every response, whatever the isolation. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** COOP and COEP for an isolation; none of either for a page that is not isolated. */
export function isolationHeaders(isolation: Isolation): Record<string, string> {
  if (isolation === 'none') return {};
  return { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': isolation };
}

/** Vite names built assets assets/<name>-<8-character hash>.<ext>; such a file never changes. */
export const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css|wasm)$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Hashed assets for a year, immutable; everything else (HTML, build-info.json) revalidated on every use. */
export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? IMMUTABLE : 'no-cache';
}

/** CORS for .wasm, so that another origin may fetch and stream-compile the module. */
export function corsHeadersFor(urlPath: string): Record<string, string> {
  return /\.wasm$/i.test(urlPath) ? { 'Access-Control-Allow-Origin': '*' } : {};
}

/** The content types the harness serves (deploy/nginx.conf has the same `types` block). A charset
 * parameter is never added to application/wasm: streaming compilation needs the exact MIME type. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
};

/** Files worth compressing (the build precompresses them; nginx compresses the rest on the fly). */
export const COMPRESSIBLE = /\.(?:html|css|js|mjs|wasm|json|map|svg|txt)$/i;

export type Encoding = 'br' | 'gzip';
