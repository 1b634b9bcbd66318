// A plain GET from Node that leaves the body as the server sent it: no automatic decompression
// (fetch in Node decodes gzip and br itself, which would hide what the server did), and exactly
// the request headers given (Accept-Encoding, Origin).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HeaderGetter } from '../../deploy/headerRules.ts';

export interface RawResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  get: HeaderGetter;
  /** The body as received (still compressed when Content-Encoding says so). */
  body: Buffer;
}

export function httpGet(url: string, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<RawResponse> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'GET', headers: { 'User-Agent': 'wasm-compat serving checks', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const get: HeaderGetter = (name) => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        };
        resolve({ url, status: res.statusCode ?? 0, headers: res.headers, get, body: Buffer.concat(chunks) });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url}: no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
