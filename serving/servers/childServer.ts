// A server that is another program (nginx, WebKitWebDriver under xvfb-run): spawned in a process
// group of its own, ready when its URL answers 2xx (p-wait-for polls it, and stops polling the
// moment the program exits), stopped with everything it started. If it exits before answering, or
// does not answer in time, the error names it and carries its last output.
import { type ChildProcess, spawn } from 'node:child_process';
import pWaitFor, { TimeoutError } from 'p-wait-for';
import { httpStatus } from './httpStatus.ts';
import type { RunningServer } from './runningServer.ts';
import { environment } from '../../settings/environment.ts';

export interface ChildServerOptions {
  /** Names the server in errors: 'nginx', 'WebKitWebDriver'. */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** The server's base URL (trailing slash). */
  url: string;
  /** What must answer 2xx to a GET before the server counts as ready; default `url`. */
  readyUrl?: string;
  timeoutMs?: number;
  /** nginx shuts down gracefully on SIGQUIT; most others on SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** Each line it prints, as it prints it. */
  log?: (line: string) => void;
  /** Extra diagnostics for a failed start (nginx's error.log). */
  diagnose?: () => string;
}

export interface ChildServer extends RunningServer {
  readonly process: ChildProcess;
  /** Resolves when it exits, with its exit code or the signal's name. */
  readonly exited: Promise<number | string>;
}

const KILL_AFTER_MS = 5_000;

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(options.command, options.args, { env: options.env ?? environment(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    if (options.log) for (const line of chunk.toString().split('\n').filter(Boolean)) options.log(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const describe = () => `${output.trim()}${options.diagnose ? ` ${options.diagnose()}` : ''}`.trim() || '(no output)';

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const group = -child.pid;
      try {
        process.kill(group, options.stopSignal ?? 'SIGTERM');
      } catch {
        return; // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
      }, KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  const timeoutMs = options.timeoutMs ?? 20_000;
  const readyUrl = options.readyUrl ?? options.url;
  let spawnFailure: Error | null = null;
  child.once('error', (error) => (spawnFailure = new Error(`${options.name} could not be started (${options.command}): ${error.message}`)));
  const answers = async (): Promise<boolean> => {
    if (spawnFailure) throw spawnFailure;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) before answering on ${options.url}: ${describe()}`);
    const status = await httpStatus(readyUrl);
    return status !== null && status >= 200 && status < 300;
  };
  try {
    await pWaitFor(answers, { interval: 100, timeout: timeoutMs, before: false });
  } catch (error) {
    await stop();
    if (error instanceof TimeoutError) throw new Error(`${options.name} did not answer on ${options.url} within ${timeoutMs} ms: ${describe()}`);
    throw error;
  }
  return { url: options.url, process: child, exited, stop };
}
