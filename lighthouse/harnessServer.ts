// The server Lighthouse measures: the harness built once into a temporary folder and served as in
// production, with COEP require-corp as deployed. nginx with deploy/nginx.conf (brotli/gzip, the
// real cache headers) where nginx is on PATH, else vite preview (the same security headers and
// precompressed files, but not nginx). Both come from serving/, as for the suite's own targets.
// WASM_COMPAT_BASE_URL names a deployment instead: nothing is built or started. The summary records
// which server served the page and why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHarness } from '../harness/buildHarness.ts';
import { which } from '../runner/engines/findBinary.ts';
import { startNginx } from '../serving/nginx/nginxServer.ts';
import { httpStatus } from '../serving/servers/httpStatus.ts';
import { startPreview } from '../serving/servers/previewServer.ts';
import { type Environment, environment } from '../settings/environment.ts';

export type ServerKind = 'nginx' | 'vite-preview' | 'external';

export interface ServerChoice {
  kind: Exclude<ServerKind, 'external'>;
  /** Why this server and not the other, for the log and the summary. */
  reason: string;
}

export interface LighthouseServer {
  kind: ServerKind;
  /** What serves what, for the log and the summary. */
  description: string;
  reason: string;
  /** With a trailing slash. */
  baseUrl: string;
  stop(): Promise<void>;
}

const ISOLATION = 'require-corp';

export function chooseServer(env: Environment = environment()): ServerChoice {
  const nginx = which('nginx', env);
  return nginx ? { kind: 'nginx', reason: `nginx is installed (${nginx})` } : { kind: 'vite-preview', reason: 'nginx is not on PATH: vite preview instead' };
}

/** The temporary folder a run builds the harness into; remove() may be called more than once. */
export function harnessBuildFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'wasm-compat-lighthouse-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Builds the harness into `buildDir` (the caller's, which it removes) and serves it on 127.0.0.1:
 * on `port`, or a free port when null. stop() stops the server.
 */
export async function startHarnessServer(buildDir: string, choice: ServerChoice, port: number | null, log: (line: string) => void): Promise<LighthouseServer> {
  const started = Date.now();
  await buildHarness(buildDir);
  log(`built the harness in ${((Date.now() - started) / 1000).toFixed(1)} s into ${buildDir}`);
  if (port !== null) {
    // A fixed port: never measure somebody else's server that already answers there (nginx failing
    // to bind might not be noticed before the readiness check got that server's answer).
    const busy = await httpStatus(`http://127.0.0.1:${port}/`);
    if (busy !== null)
      throw new Error(
        `something already answers on http://127.0.0.1:${port}/ (HTTP ${busy}); choose another WASM_COMPAT_LIGHTHOUSE_PORT or leave it unset for a free port`,
      );
  }
  const at = port === null ? {} : { port };
  if (choice.kind === 'nginx') {
    const server = await startNginx({ root: buildDir, isolation: ISOLATION, ...at });
    return {
      kind: 'nginx',
      description: `nginx with deploy/nginx.conf, COEP ${ISOLATION}, serving a fresh build of the harness`,
      reason: choice.reason,
      baseUrl: server.url,
      stop: () => server.stop(),
    };
  }
  const server = await startPreview({ outDir: buildDir, isolation: ISOLATION, ...at });
  return {
    kind: 'vite-preview',
    description: `vite preview with the suite's serving headers, COEP ${ISOLATION}, serving a fresh build of the harness`,
    reason: choice.reason,
    baseUrl: server.url,
    stop: () => server.stop(),
  };
}

/** A deployment given by URL (WASM_COMPAT_BASE_URL, as the Playwright targets take it): nothing to start. */
export function externalServer(baseUrl: string): LighthouseServer {
  return {
    kind: 'external',
    description: 'the deployment at WASM_COMPAT_BASE_URL',
    reason: 'WASM_COMPAT_BASE_URL is set',
    baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    stop: async () => {},
  };
}
