// Which Lighthouse measures the pages and under which Node, for the log and the summary. Lighthouse
// runs in the runner's own process, on the project's Node (node_modules/.bin/node, which npm puts
// first on PATH: docs/toolchain.md). A runner started under an older Node (tsx from the system's
// PATH, outside npm) is refused here, naming both versions, instead of failing later inside
// Lighthouse; the floor is read from Lighthouse's own engines field, not copied.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LIGHTHOUSE_PACKAGE = fileURLToPath(new URL('../node_modules/lighthouse/package.json', import.meta.url));

export interface LighthouseRuntime {
  /** Lighthouse's version, e.g. "13.5.0". */
  version: string;
  /** The Node running it, e.g. "v24.22.3". */
  nodeVersion: string;
  /** That Node's binary. */
  node: string;
}

interface LighthousePackage {
  version: string;
  engines?: { node?: string };
}

/** "v24.22.3" is at least [22, 19]. */
export function nodeVersionAtLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const match = /^v?(\d+)\.(\d+)\./.exec(version);
  if (!match) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return a > major || (a === major && b >= minor);
}

/** ">=22.19" → [22, 19]; the only form Lighthouse's engines field has used. */
export function engineFloor(range: string): [number, number] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range.trim());
  if (!match) throw new Error(`cannot read a Node floor from the engines range "${range}" (expected ">=major.minor")`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}

/** The Lighthouse in node_modules and the Node running this process; throws when that Node is below Lighthouse's engines floor. */
export function lighthouseRuntime(pkgPath = LIGHTHOUSE_PACKAGE, nodeVersion = process.version, node = process.execPath): LighthouseRuntime {
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as LighthousePackage;
  const range = pkg.engines?.node;
  if (range && !nodeVersionAtLeast(nodeVersion, engineFloor(range))) {
    throw new Error(
      `Lighthouse ${pkg.version} needs Node ${range}, and this process runs Node ${nodeVersion} (${node}): run it through npm (npm run lighthouse), which puts the project's Node (node_modules/.bin/node) first on PATH`,
    );
  }
  return { version: pkg.version, nodeVersion, node };
}

/** One line for the log and the summary. */
export function describeLighthouse(runtime: LighthouseRuntime): string {
  return `Lighthouse ${runtime.version} in the runner's process (Node ${runtime.nodeVersion}, ${runtime.node})`;
}
