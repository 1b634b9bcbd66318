// The broken deployments the suite must catch, as fixtures: the production nginx config
// (deploy/nginx.conf) serving a real build of the harness, with one thing wrong each. The project's
// own tests (brokenDeployments.test.ts) serve every one, run the suite's checks against it, and
// require them to fail with a message naming the cause; `working` is the control that must pass.
// serveBrokenDeployment.ts serves one for a person.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NginxOptions } from '../../serving/nginx/nginxServer.ts';
import type { ProbeStatus } from '../../harness/probes/probe.ts';
import type { CompatStatus } from '../../runner/expectations/verdict.ts';
import { BUFFERED_REWRITE, TRICKLE_REWRITE } from '../../serving/nginx/trickleLocation.ts';
import { corruptCode, truncate } from './damageWasm.ts';

export interface BrokenDeployment {
  name: string;
  /** What is wrong, as an operator would put it. */
  cause: string;
  /** How the fixture's nginx differs from production. */
  server: Pick<NginxOptions, 'headers' | 'alterRoot' | 'alterConf'>;
  /** A failing Node-side finding (serving/checks/checkDeployment.ts) must say this. */
  nodeMessage: RegExp | null;
  /** The suite's output against the fixture must say all of these. */
  suiteMessages: RegExp[];
  /** What each engine's probes must report against it (compat.json), e.g. the fallback still working. */
  probes: Record<string, ProbeStatus>;
  /** The verdicts compat.json must record where the run judged a probe's data (e.g. isolation failed). */
  verdicts?: Record<string, CompatStatus>;
  /** The projects the suite runs against it: Chromium always; Firefox too where the fault is one an engine could read differently. */
  projects: string[];
  /** A control: the suite must pass against it (like WORKING). */
  control?: true;
}

const TWO_ENGINES = ['chromium', 'firefox'];

/** Applies `change` to every .wasm of a served build, dropping its precompressed copies, which
 * would otherwise hand the intact file to every browser that accepts br or gzip. */
function alterEachWasm(change: ((bytes: Uint8Array) => Uint8Array) | 'delete'): (root: string) => void {
  return (root) => {
    const assets = join(root, 'assets');
    const wasm = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
    if (wasm.length === 0) throw new Error(`no .wasm under ${assets} to break`);
    for (const file of wasm) {
      const path = join(assets, file);
      for (const copy of [`${path}.br`, `${path}.gz`]) rmSync(copy, { force: true });
      if (change === 'delete') rmSync(path);
      else writeFileSync(path, change(new Uint8Array(readFileSync(path))));
    }
  };
}

/** Replaces `from` with `to` in the rendered config, exactly once, or fails: a fixture must not
 * silently stop breaking anything when deploy/nginx.conf changes. */
function replaceOnce(from: string, to: string): (conf: string) => string {
  return (conf) => {
    const count = conf.split(from).length - 1;
    if (count !== 1) throw new Error(`broken-deployment fixture: expected ${JSON.stringify(from)} once in deploy/nginx.conf, found it ${count} times`);
    return conf.replace(from, to);
  };
}

const WASM = 'assets\\/[\\w-]+\\.wasm';

/** The page's main module (the last module script index.html loads) with one more statement at its end. */
function appendToMainScript(statement: string): (root: string) => void {
  return (root) => {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="(?:\.?\/)?([^"]+\.js)"/g)].map((m) => m[1]!);
    if (scripts.length === 0) throw new Error('broken-deployment fixture: index.html loads no module script to alter');
    const main = join(root, scripts.at(-1)!);
    writeFileSync(main, `${readFileSync(main, 'utf8')}\n${statement}\n`);
    for (const copy of [`${main}.br`, `${main}.gz`]) rmSync(copy, { force: true });
  };
}

export const WORKING: BrokenDeployment = {
  name: 'working',
  cause: 'nothing: the production config as it is (the control, which must pass)',
  server: {},
  nodeMessage: null,
  suiteMessages: [],
  probes: { 'loading.instantiateStreaming': 'pass', 'serving.wasmMimeType': 'pass', 'serving.wasmIntegrity': 'pass', 'serving.threads': 'pass' },
  projects: TWO_ENGINES,
};

/** A second control: deploy/nginx.conf alone, as a real deployment is, with no trickle location
 * (the suite adds one to every nginx it starts: serving/nginx/trickleLocation.ts). The streaming
 * probe's look-up answers 404 and it records "not measured"; that 404 is the probe's own, so neither
 * the page nor the driver counts it, and the whole run passes. */
export const NO_TRICKLE: BrokenDeployment = {
  name: 'no-trickle',
  cause:
    "nothing: the production config without the suite's trickle, as a real deployment (the control, which must pass with the streaming probe not measured)",
  server: {
    alterConf: (conf) => {
      const start = conf.indexOf("        # wasm-compat's streaming probe");
      const end = conf.indexOf('        location / {');
      if (start < 0 || end < start) throw new Error('broken-deployment fixture: no trickle location to remove from the rendered config');
      return conf.slice(0, start) + conf.slice(end);
    },
  },
  nodeMessage: null,
  suiteMessages: [/passed/],
  probes: { 'loading.compileDuringDownload': 'info', 'loading.instantiateStreaming': 'pass', 'serving.wasmMimeType': 'pass' },
  projects: TWO_ENGINES,
  control: true,
};

export const BROKEN_DEPLOYMENTS: BrokenDeployment[] = [
  {
    name: 'wrong-mime',
    cause: '.wasm served as application/octet-stream (a MIME table without wasm)',
    server: { alterConf: replaceOnce('application/wasm          wasm;', 'application/octet-stream  wasm;') },
    nodeMessage: new RegExp(`Content-Type of ${WASM}: served as "application/octet-stream", not application/wasm`),
    suiteMessages: [
      /instantiateStreaming rejected: TypeError.*served as "application\/octet-stream", not application\/wasm/,
      new RegExp(`${WASM} served as "application/octet-stream"`),
    ],
    // Streaming rejects; the bytes fallback, and the crate loaded through it, still work.
    probes: {
      'loading.instantiateStreaming': 'fail',
      'loading.compileStreaming': 'fail',
      'loading.bytesFallback': 'pass',
      'loading.esmIntegration': 'pass',
      'serving.wasmMimeType': 'fail',
    },
    projects: TWO_ENGINES,
  },
  {
    name: 'no-coop',
    cause: 'Cross-Origin-Opener-Policy missing',
    server: { headers: { coop: '' } },
    nodeMessage: /Cross-Origin-Opener-Policy is missing on the page .*not cross-origin isolated: no SharedArrayBuffer/,
    suiteMessages: [
      /Cross-Origin-Opener-Policy is missing/,
      /crossOriginIsolated is false, expected true/,
      /serving\.threads .*expected pass .*reported unsupported/,
    ],
    probes: { 'serving.threads': 'unsupported', 'loading.instantiateStreaming': 'pass' },
    verdicts: { 'environment.isolation': 'fail', 'serving.threads': 'unsupported-unexpectedly' },
    projects: TWO_ENGINES,
  },
  {
    name: 'no-coep',
    cause: 'Cross-Origin-Embedder-Policy missing',
    server: { headers: { coep: '' } },
    nodeMessage: /Cross-Origin-Embedder-Policy is missing on the page .*not cross-origin isolated: no SharedArrayBuffer/,
    suiteMessages: [
      /Cross-Origin-Embedder-Policy is missing/,
      /crossOriginIsolated is false, expected true/,
      /serving\.threads .*expected pass .*reported unsupported/,
    ],
    probes: { 'serving.threads': 'unsupported', 'loading.instantiateStreaming': 'pass' },
    verdicts: { 'environment.isolation': 'fail', 'serving.threads': 'unsupported-unexpectedly' },
    projects: TWO_ENGINES,
  },
  {
    name: 'truncated-wasm',
    cause: 'the .wasm cut to half its size (an interrupted upload)',
    server: { alterRoot: alterEachWasm(truncate) },
    nodeMessage: new RegExp(`checksum mismatch: ${WASM} as served is \\d+ bytes .*truncated or corrupted; WebAssembly.compile throws CompileError`),
    suiteMessages: [new RegExp(`${WASM}: checksum mismatch`), /CompileError/],
    probes: { 'serving.wasmIntegrity': 'fail', 'loading.bytesFallback': 'fail' },
    projects: ['chromium'],
  },
  {
    name: 'corrupt-wasm',
    cause: 'the .wasm with 64 bytes of its code overwritten (same size, same name)',
    server: { alterRoot: alterEachWasm(corruptCode) },
    nodeMessage: new RegExp(`checksum mismatch: ${WASM} as served is \\d+ bytes .*truncated or corrupted; WebAssembly.compile throws CompileError`),
    suiteMessages: [new RegExp(`${WASM}: checksum mismatch`), /CompileError/],
    probes: { 'serving.wasmIntegrity': 'fail', 'loading.bytesFallback': 'fail' },
    projects: ['chromium'],
  },
  {
    name: 'missing-wasm',
    cause: 'the .wasm not deployed at all (HTTP 404)',
    server: { alterRoot: alterEachWasm('delete') },
    nodeMessage: new RegExp(`${WASM}: HTTP 404: the .wasm is missing from the deployment`),
    suiteMessages: [new RegExp(`${WASM}: HTTP 404: the .wasm is missing from the deployment`), /HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/assets\/[\w-]+\.wasm/],
    probes: { 'serving.wasmIntegrity': 'fail', 'loading.esmIntegration': 'fail' },
    projects: ['chromium'],
  },
  {
    name: 'console-error',
    cause: "the page's script logs an error to the console (a deployed script that fails quietly)",
    server: { alterRoot: appendToMainScript('console.error("wasm-compat fixture: a deliberate console error");') },
    // From Node, the script no longer matches the build's checksum; what it does is seen only in the page.
    nodeMessage: /checksum mismatch: assets\/index-[\w-]+\.js as served differs from the build/,
    // Recorded by the page itself, so classic WebDriver (WebKitGTK) fails the page spec as Playwright's engines do.
    suiteMessages: [/console error: wasm-compat fixture: a deliberate console error/, /\d+\) \[webkit\] › tests\/specs\/page\.spec\.ts/],
    probes: { 'loading.instantiateStreaming': 'pass' },
    projects: ['chromium', 'webkit'],
  },
  {
    name: 'buffered-wasm',
    cause: 'the .wasm held back until its whole body is in, then sent in one burst (a buffering proxy or CDN in front of the server)',
    server: { alterConf: replaceOnce(TRICKLE_REWRITE, BUFFERED_REWRITE) },
    // Every header and byte is right: only the pace differs, which only the page sees.
    nodeMessage: null,
    suiteMessages: [/loading\.compileDuringDownload .*expected pass .*reported fail: the module arrived in one burst/],
    probes: { 'loading.compileDuringDownload': 'fail', 'loading.instantiateStreaming': 'pass' },
    verdicts: { 'loading.compileDuringDownload': 'fail' },
    projects: ['chromium', 'firefox', 'webkit'],
  },
];

export function brokenDeployment(name: string): BrokenDeployment {
  const all = [WORKING, NO_TRICKLE, ...BROKEN_DEPLOYMENTS];
  const found = all.find((d) => d.name === name);
  if (!found) throw new Error(`no broken deployment named ${JSON.stringify(name)}: ${all.map((d) => d.name).join(', ')}`);
  return found;
}
