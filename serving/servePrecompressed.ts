// `vite preview` serves the build's precompressed copies (file.br, file.gz beside each file, written
// by precompress.ts) the way nginx's brotli_static and gzip_static do, so that preview negotiates
// Content-Encoding like production does. Identity requests fall through to Vite. Kept by hand rather
// than sirv's brotli/gzip options (Vite's own static server, not switched on by Vite): sirv 3.0.2
// picks an encoding by substring (accept-encoding.includes('br')), so a client that refuses brotli
// with br;q=0 would get it; negotiateEncoding honours q-values as RFC 9110 says and nginx does.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { Connect } from 'vite';
import { CONTENT_TYPES, type Encoding } from '../deploy/headerPolicy.ts';

const FILE_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to answer with, from a request's Accept-Encoding and the encodings available,
 * preferring brotli (smaller) as nginx does. `br;q=0` refuses brotli (RFC 9110, 12.5.3).
 */
export function negotiateEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(token, q === undefined ? 1 : Number(q));
  }
  const acceptable = (e: Encoding) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).find((e) => available.includes(e) && acceptable(e)) ?? null;
}

export function servePrecompressed(outDir: string): Connect.NextHandleFunction {
  const root = resolve(outDir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return next();
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, `.${path}`);
    const type = CONTENT_TYPES[extname(file).slice(1).toLowerCase()];
    if (!file.startsWith(root + sep) || !type || !existsSync(file)) return next();
    const available = (Object.keys(FILE_SUFFIX) as Encoding[]).filter((e) => existsSync(file + FILE_SUFFIX[e]));
    if (available.length === 0) return next();
    // The response depends on Accept-Encoding either way: caches must keep one copy per encoding.
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = negotiateEncoding(req.headers['accept-encoding'], available);
    if (!encoding) return next();
    const compressed = file + FILE_SUFFIX[encoding];
    const stat = statSync(compressed);
    // A validator per encoding, so that revalidating (HTML is no-cache) costs a 304, not the body.
    const etag = `W/"${encoding}-${stat.size}-${Math.trunc(stat.mtimeMs)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stat.mtime.toUTCString());
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', encoding);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      return void res.end();
    }
    res.statusCode = 200;
    res.setHeader('Content-Length', stat.size);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(compressed).pipe(res);
  };
}
