// One Lighthouse run: a fresh Chromium (new profile, empty cache, as a first visit), one navigation,
// Chromium killed. Each run gets its own browser so runs do not share a cache or a warmed-up V8.
// Lighthouse 13 runs in a Node 22 child (lighthouseChild.ts), 12.2.3 in this process
// (lighthouseEngine.ts chooses); either way the result is the LHR and that Lighthouse's own HTML
// report of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { Audit, desktopConfig, NetworkRecords } from 'lighthouse';
import type { LighthouseChromium } from './chromiumForLighthouse.ts';
import type { Lhr } from './lhr.ts';
import type { ChildRequest } from './lighthouseChild.ts';
import { type FormFactor, lighthouseConfig } from './lighthouseConfig.ts';
import type { LighthouseEngine } from './lighthouseEngine.ts';

const CHILD = fileURLToPath(new URL('lighthouseChild.ts', import.meta.url));
const STDERR_LINES = 5;

export interface LighthouseRunResult {
  lhr: Lhr;
  /** The HTML report of this run, by the Lighthouse that made it. */
  html: string;
}

let active: { kill(): void } | null = null;

/** For a signal handler: the process is about to exit and `finally` below will not run. */
export function killActiveChrome(): void {
  active?.kill();
  active = null;
}

export function lighthouseRun(url: string, formFactor: FormFactor, chromium: LighthouseChromium, engine: LighthouseEngine): Promise<LighthouseRunResult> {
  return engine.kind === 'child' ? childRun(url, formFactor, chromium, engine) : inProcessRun(url, formFactor, chromium);
}

async function inProcessRun(url: string, formFactor: FormFactor, chromium: LighthouseChromium): Promise<LighthouseRunResult> {
  // handleSIGINT off: chrome-launcher's own handler would exit the process on Ctrl-C before the
  // runner has stopped its server; the runner kills Chromium itself (killActiveChrome).
  const chrome = await chromeLauncher.launch({ chromePath: chromium.binary, chromeFlags: chromium.flags, logLevel: 'silent', handleSIGINT: false });
  active = chrome;
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'html' }, lighthouseConfig(formFactor, { Audit, NetworkRecords, desktopConfig }));
    if (!result) throw new Error(`Lighthouse returned nothing for ${url} (${formFactor})`);
    return { lhr: result.lhr as unknown as Lhr, html: result.report as string };
  } finally {
    active = null;
    chrome.kill();
  }
}

async function childRun(url: string, formFactor: FormFactor, chromium: LighthouseChromium, engine: Extract<LighthouseEngine, { kind: 'child' }>): Promise<LighthouseRunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-lighthouse-run-'));
  const request: ChildRequest = { url, formFactor, chromePath: chromium.binary, chromeFlags: chromium.flags, lighthouseDir: engine.dir, jsonPath: join(dir, 'lhr.json'), htmlPath: join(dir, 'report.html') };
  try {
    const child = spawn(engine.node, [CHILD, JSON.stringify(request)], { stdio: ['ignore', 'ignore', 'pipe'] });
    active = { kill: () => child.kill('SIGTERM') };
    await exited(child);
    return { lhr: JSON.parse(readFileSync(request.jsonPath, 'utf8')) as Lhr, html: readFileSync(request.htmlPath, 'utf8') };
  } finally {
    active = null;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves when the child exits 0; else rejects with its exit and the last lines it wrote to stderr. */
function exited(child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`could not start Lighthouse's Node: ${error.message}`)));
    // close, not exit: stderr has been read to its end by then.
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      const tail = stderr.trim().split('\n').slice(-STDERR_LINES).join(' | ');
      reject(new Error(`the Lighthouse child exited ${signal ?? code}${tail ? `: ${tail}` : ''}`));
    });
  });
}
