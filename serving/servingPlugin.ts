// The Vite side of serving (docs/serving.md): the same headers from the dev server and from
// `vite preview` as deploy/nginx.conf sends (deploy/headerPolicy.ts), precompressed responses in
// preview, and in dev, where there is no build, a build-info.json made from the crate's record.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { readBuildInfo } from '../build/buildInfo.ts';
import { cacheControlFor, corsHeadersFor, type Isolation, isolationHeaders, SECURITY_HEADERS } from '../deploy/headerPolicy.ts';
import { HARNESS_BUILD_INFO, type HarnessBuildInfo, harnessBuildInfo, type ServedFile } from '../harness/harnessBuildInfo.ts';
import { STREAMING_MODULE_FILE } from '../harness/streaming/streamingModule.ts';
import { streamingModuleBytes } from '../harness/streaming/streamingModulePlugin.ts';
import { servePrecompressed } from './servePrecompressed.ts';
import { trickleMiddleware } from './trickle.ts';

export interface ServingPluginOptions {
  /** The wasm-pack output folder, whose build-info.json records each .wasm's SHA-256 (dev only). */
  cratePkg: string | null;
  isolation: Isolation;
}

/** Security and isolation headers, CORS for .wasm; Cache-Control only where files are content-hashed (preview). */
function headerMiddleware(isolation: Isolation, withCacheControl: boolean): Connect.NextHandleFunction {
  const fixed = { ...SECURITY_HEADERS, ...isolationHeaders(isolation) };
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    for (const [name, value] of Object.entries({ ...fixed, ...corsHeadersFor(path) })) res.setHeader(name, value);
    // Vite's static server keeps a Cache-Control set before it; its HTML responses say no-cache anyway.
    if (withCacheControl) res.setHeader('Cache-Control', cacheControlFor(path));
    next();
  };
}

function devBuildInfo(cratePkg: string | null): Connect.NextHandleFunction {
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== `/${HARNESS_BUILD_INFO}`) return next();
    const crate = cratePkg === null ? null : readBuildInfo(cratePkg);
    const served: ServedFile[] = (crate?.wasm ?? []).map((w) => ({ path: `/@fs${resolve(cratePkg!, w.file)}`, bytes: w.bytes, sha256: w.sha256 }));
    const info: HarnessBuildInfo = harnessBuildInfo(crate, served, new Date());
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(JSON.stringify(info, null, 2));
  };
}

export function servingPlugin(options: ServingPluginOptions): Plugin {
  return {
    name: 'wasm-compat:serving',
    configureServer(server) {
      // Dev modules are not hashed and Vite chooses their caching itself.
      server.middlewares.use(headerMiddleware(options.isolation, false));
      server.middlewares.use(devBuildInfo(options.cratePkg));
      server.middlewares.use(trickleMiddleware(streamingModuleBytes));
    },
    configurePreviewServer(server) {
      server.middlewares.use(headerMiddleware(options.isolation, true));
      const outDir = resolve(server.config.root, server.config.build.outDir);
      const built = join(outDir, STREAMING_MODULE_FILE);
      let bytes: Uint8Array | null = null;
      server.middlewares.use(trickleMiddleware(() => (bytes ??= existsSync(built) ? readFileSync(built) : null)));
      server.middlewares.use(servePrecompressed(outDir));
    },
  };
}
