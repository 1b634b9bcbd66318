// What deploy/vercel.json makes Vercel send for a path: its `headers` rules turned into routes by
// Vercel's own code (@vercel/routing-utils, the path-to-regexp matching Vercel runs), every rule
// whose source matches applied in order, a later value replacing an earlier one.
import { getTransformedRoutes, isHandler } from '@vercel/routing-utils';

export interface VercelConfig {
  headers?: Array<{ source: string; headers: Array<{ key: string; value: string }> }>;
}

export function vercelHeadersFor(config: VercelConfig, path: string): Record<string, string> {
  const { routes, error } = getTransformedRoutes({ headers: config.headers ?? [] });
  if (error) throw new Error(`deploy/vercel.json: ${error.message}`);
  const sent: Record<string, string> = {};
  for (const route of routes ?? []) {
    if (isHandler(route) || !route.headers || !new RegExp(route.src).test(path)) continue;
    Object.assign(sent, route.headers);
  }
  return sent;
}
