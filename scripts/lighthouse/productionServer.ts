// Starts "the production server" for the built harness, waits until it answers, and stops it.
// Production here means the repo's nginx config (`npm run serve -- --port N`: deploy/nginx.conf with
// brotli/gzip and the real cache headers) wherever the package.json has that script and nginx is
// installed; else `vite preview` (scripts/serve-preview.sh), which sends the same security headers
// and precompressed files but is not nginx. The summary records which one served the page.
// Either runs in its own process group, so stopping it stops everything it started (npm, node,
// nginx or vite) and nothing else.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type ServerKind = 'nginx' | 'vite-preview' | 'external';

export interface ServerChoice {
  kind: Exclude<ServerKind, 'external'>;
  command: string[];
  /** Why this server and not the other, for the log and the summary. */
  reason: string;
}

export interface RunningServer {
  kind: ServerKind;
  command: string | null;
  reason: string;
  baseUrl: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 240_000; // a first build of the crate and the page can take minutes on 2 cores
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_LINES_KEPT = 40;

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

export function chooseServer(root: string, port: number, env: NodeJS.ProcessEnv = process.env): ServerChoice {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const hasServe = typeof pkg.scripts?.serve === 'string';
  const hasNginx = onPath('nginx', env);
  if (hasServe && hasNginx) return { kind: 'nginx', command: ['npm', 'run', 'serve', '--', '--port', String(port)], reason: 'package.json has "serve" and nginx is installed' };
  const lacking = [!hasServe && 'package.json has no "serve" script', !hasNginx && 'nginx is not installed'].filter(Boolean).join(' and ');
  return { kind: 'vite-preview', command: ['bash', 'scripts/serve-preview.sh', String(port)], reason: `${lacking}: vite preview instead` };
}

async function answers(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Starts the production server on 127.0.0.1:port and resolves once GET / answers 200. */
export function startProductionServer(root: string, port: number, log: (line: string) => void): Promise<RunningServer> {
  return startServer(chooseServer(root, port), root, port, log);
}

export async function startServer(choice: ServerChoice, root: string, port: number, log: (line: string) => void): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}/`;
  // Never measure somebody else's server by mistake.
  const busy = await answers(baseUrl);
  if (busy !== null) throw new Error(`something already answers on ${baseUrl} (HTTP ${busy}); choose another port with WASM_COMPAT_LIGHTHOUSE_PORT`);

  log(`server: ${choice.kind} (${choice.reason}): ${choice.command.join(' ')}`);
  const [command, ...args] = choice.command as [string, ...string[]];
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`)));
  const server: RunningServer = { kind: choice.kind, command: choice.command.join(' '), reason: choice.reason, baseUrl, stop: () => stopGroup(child) };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const status = await answers(baseUrl);
    if (status === 200) return server;
    const gone = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 500))]);
    if (gone) throw new Error(`${choice.kind} server ${gone} before answering on ${baseUrl}; its last output:\n${output.join('\n')}`);
  }
  await server.stop();
  throw new Error(`${choice.kind} server did not answer 200 on ${baseUrl} within ${READY_TIMEOUT_MS / 1000} s; its last output:\n${output.join('\n')}`);
}

/** A deployment given by URL (WASM_COMPAT_BASE_URL, as the Playwright targets take it): nothing to start. */
export function externalServer(baseUrl: string): RunningServer {
  return { kind: 'external', command: null, reason: 'WASM_COMPAT_BASE_URL is set', baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, stop: async () => {} };
}
