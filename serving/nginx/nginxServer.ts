// Runs nginx with the repo's config as an unprivileged-style process: a temporary prefix holds the
// rendered config, a copy of the files to serve, the pid file, logs and every *_temp_path, so
// nothing outside it is touched; it listens on 127.0.0.1 only. Started in the foreground
// (`daemon off`), stopped with its prefix removed. Used by serving/serve.ts (npm run serve,
// the suite's nginx targets) and by the broken-deployment tests, which alter the copy or the config.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import getPort from 'get-port';
import { join } from 'node:path';
import type { Isolation } from '../../deploy/headerPolicy.ts';
import { type ChildServer, startChildServer } from '../servers/childServer.ts';
import type { RunningServer } from '../servers/runningServer.ts';
import { DEBIAN_MODULES, isolationValues, type NginxConfValues, renderNginxConf } from './nginxConf.ts';
import { withTrickleLocation } from './trickleLocation.ts';
import { STREAMING_MODULE_FILE } from '../../harness/streaming/streamingModule.ts';
import { startTrickleServer } from '../trickle.ts';

export interface NginxOptions {
  /** A free loopback port when not given. */
  port?: number;
  /** The built harness to serve; it is copied, never modified. */
  root: string;
  isolation: Isolation;
  /** Override COOP / COEP themselves ('' = not sent), e.g. for a broken deployment. */
  headers?: Partial<Pick<NginxConfValues, 'coop' | 'coep'>>;
  modules?: string;
  /** Changes the served copy before nginx starts (broken-deployment fixtures). */
  alterRoot?: (root: string) => void;
  /** Changes the rendered config before nginx starts (broken-deployment fixtures). */
  alterConf?: (conf: string) => string;
  nginx?: string;
  /** Where nginx's output goes; by default it is kept and shown if nginx fails to start. */
  log?: (line: string) => void;
}

export interface RunningNginx extends RunningServer {
  prefix: string;
  process: ChildProcess;
  /** Resolves when nginx exits, with its exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Checks the brotli modules are installed; names the Debian packages if not. */
function checkModules(modules: string): void {
  const missing = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'].filter((m) => !existsSync(join(modules, m)));
  if (missing.length)
    throw new Error(
      `nginx brotli modules missing in ${modules} (${missing.join(', ')}): install libnginx-mod-http-brotli-filter and libnginx-mod-http-brotli-static (scripts/setup.sh does)`,
    );
}

/** Directories 755, files 644: a build made in a private temporary folder (0700) is copied with that mode. */
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeReadable(path);
    else chmodSync(path, 0o644);
  }
}

/** Renders the config into a fresh prefix with a copy of `root`. */
/** `trickleServer`: where the streaming probe's trickle is proxied to (serving/trickle.ts); none, no trickle location. */
export function prepareNginx(options: NginxOptions & { port: number; trickleServer?: string }): { prefix: string; conf: string } {
  const modules = options.modules ?? DEBIAN_MODULES;
  checkModules(modules);
  if (!existsSync(join(options.root, 'index.html'))) throw new Error(`${options.root} has no index.html: not a build of the harness`);
  const prefix = mkdtempSync(join(tmpdir(), 'wasm-compat-nginx-'));
  try {
    // Run as root, nginx's workers drop to `nobody`, who must be able to read the copy.
    chmodSync(prefix, 0o755);
    for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir));
    const served = join(prefix, 'root');
    cpSync(options.root, served, { recursive: true });
    options.alterRoot?.(served);
    makeReadable(served);
    let conf = renderNginxConf({
      listen: `127.0.0.1:${options.port}`,
      root: served,
      prefix,
      modules,
      ...isolationValues(options.isolation),
      ...options.headers,
    });
    if (options.trickleServer) conf = withTrickleLocation(conf, options.trickleServer);
    if (options.alterConf) conf = options.alterConf(conf);
    writeFileSync(join(prefix, 'nginx.conf'), conf);
    return { prefix, conf: join(prefix, 'nginx.conf') };
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const port = options.port ?? (await getPort({ host: '127.0.0.1' }));
  const module = join(options.root, STREAMING_MODULE_FILE);
  if (!existsSync(module))
    throw new Error(`${options.root} has no ${STREAMING_MODULE_FILE} (the streaming probe's module): not a current build of the harness`);
  const trickle = await startTrickleServer(readFileSync(module));
  let prefix: string, conf: string;
  try {
    ({ prefix, conf } = prepareNginx({ ...options, port, trickleServer: trickle.url }));
  } catch (error) {
    await trickle.stop();
    throw error;
  }
  const errorLog = () => {
    const path = join(prefix, 'logs', 'error.log');
    return existsSync(path) ? readFileSync(path, 'utf8').trim().slice(-2_000) : '';
  };
  let server: ChildServer;
  try {
    server = await startChildServer({
      name: 'nginx',
      command: options.nginx ?? 'nginx',
      args: ['-c', conf, '-p', prefix, '-g', 'daemon off;'],
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: 10_000,
      // SIGQUIT: graceful shutdown (finishes open responses), then nginx removes its pid file.
      stopSignal: 'SIGQUIT',
      ...(options.log ? { log: options.log } : {}),
      diagnose: errorLog,
    });
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    await trickle.stop();
    throw error;
  }
  return {
    url: server.url,
    prefix,
    process: server.process,
    exited: server.exited,
    stop: async () => {
      await server.stop();
      await trickle.stop();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
