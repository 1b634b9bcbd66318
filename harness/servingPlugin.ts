// The Vite side of serving (docs/serving.md): the same headers from `vite` (dev) and `vite preview`
// as from deploy/nginx.conf, precompressed responses in preview, and in the build, build-info.json
// and the .br/.gz copies beside each file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { sha256 } from '../scripts/lib/wasmSizes.ts';
import type { BuildInfo } from '../scripts/write-build-info.ts';
import { HARNESS_BUILD_INFO, type HarnessBuildInfo, harnessBuildInfo, type ServedFile } from './harnessBuildInfo.ts';
import { precompress } from './precompress.ts';
import { servePrecompressed } from './servePrecompressed.ts';
import { cacheControlFor, corsHeadersFor, type Isolation, isolationHeaders, SECURITY_HEADERS } from './servingHeaders.ts';

export interface ServingPluginOptions {
  /** The wasm-pack output folder, whose build-info.json records each .wasm's SHA-256. */
  cratePkg: string;
  isolation?: Isolation;
}

function readCrateBuildInfo(cratePkg: string): BuildInfo {
  const path = join(cratePkg, 'build-info.json');
  if (!existsSync(path)) throw new Error(`${path} not found: build the crate first (npm run build:wasm)`);
  return JSON.parse(readFileSync(path, 'utf8')) as BuildInfo;
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

/** In dev there is no build: build-info.json is made from the crate's record, pointing at the file Vite serves. */
function devBuildInfo(cratePkg: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== `/${HARNESS_BUILD_INFO}`) return next();
    const crate = readCrateBuildInfo(cratePkg);
    const served: ServedFile[] = crate.wasm.map((w) => ({ path: `/@fs${resolve(cratePkg, w.file)}`, bytes: w.bytes, sha256: w.sha256 }));
    const info: HarnessBuildInfo = harnessBuildInfo(crate, served, new Date());
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(JSON.stringify(info, null, 2));
  };
}

export function servingPlugin(options: ServingPluginOptions): Plugin {
  const isolation = options.isolation ?? 'require-corp';
  return {
    name: 'wasm-compat:serving',
    configureServer(server) {
      // Dev modules are not hashed and Vite chooses their caching itself.
      server.middlewares.use(headerMiddleware(isolation, false));
      server.middlewares.use(devBuildInfo(options.cratePkg));
    },
    configurePreviewServer(server) {
      server.middlewares.use(headerMiddleware(isolation, true));
      server.middlewares.use(servePrecompressed(resolve(server.config.root, server.config.build.outDir)));
    },
    writeBundle(output, bundle) {
      const outDir = output.dir!;
      const served: ServedFile[] = Object.keys(bundle)
        .sort()
        .map((path) => {
          const data = readFileSync(join(outDir, path));
          return { path, bytes: data.byteLength, sha256: sha256(data) };
        });
      const info = harnessBuildInfo(readCrateBuildInfo(options.cratePkg), served, new Date());
      writeFileSync(join(outDir, HARNESS_BUILD_INFO), `${JSON.stringify(info, null, 2)}\n`);
      for (const path of [...Object.keys(bundle), HARNESS_BUILD_INFO]) precompress(join(outDir, path));
    },
  };
}
