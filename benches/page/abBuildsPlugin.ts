// The A/B page's two builds as one module the page imports, `virtual:wasm-compat-ab-builds`:
// each build's wasm-pack glue (vite-plugin-wasm instantiates its .wasm, as on the bench page),
// its .wasm's URL, build A's twins where they differ from this tree's, and each build's own copy
// of the suite modules (why: benches/ab/abTasks.ts). Two pkg folders are two module graphs: the
// builds share no glue state, as in Node (benches/node/loadRawCrate.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suites } from '../suites/index.ts';
import type { Plugin } from 'vite';

export const AB_BUILDS_MODULE = 'virtual:wasm-compat-ab-builds';
const SUITES_DIR = fileURLToPath(new URL('../suites/', import.meta.url));

export interface PageBuild {
  pkgDir: string;
  /** A copy of crate/twins/ to time instead of this tree's, or null. */
  twinsDir: string | null;
}

function buildModule(builds: Record<'A' | 'B', PageBuild>): string {
  const lines: string[] = [];
  for (const [name, b] of Object.entries(builds)) {
    const file = (f: string) => JSON.stringify(join(b.pkgDir, f));
    lines.push(`import * as crate${name} from ${file('wasm_compat.js')};`, `import wasmUrl${name} from ${file('wasm_compat_bg.wasm?url')};`);
    lines.push(b.twinsDir ? `import * as twins${name} from ${JSON.stringify(join(b.twinsDir, 'index.ts'))};` : `const twins${name} = null;`);
  }
  for (const name of ['A', 'B']) {
    for (const s of suites)
      lines.push(`import { ${s.name}Suite as ${s.name}${name} } from ${JSON.stringify(`${join(SUITES_DIR, `${s.name}.ts`)}?build=${name}`)};`);
  }
  const list = (name: string) => `[${suites.map((s) => `${s.name}${name}`).join(', ')}]`;
  lines.push(
    `export const builds = { A: { crate: crateA, wasmUrl: wasmUrlA, twins: twinsA, suites: ${list('A')} }, B: { crate: crateB, wasmUrl: wasmUrlB, twins: twinsB, suites: ${list('B')} } };`,
  );
  return lines.join('\n');
}

export function abBuilds(builds: Record<'A' | 'B', PageBuild>): Plugin {
  return {
    name: 'wasm-compat:ab-builds',
    resolveId: (id) => (id === AB_BUILDS_MODULE ? `\0${id}` : null),
    load: (id) => (id === `\0${AB_BUILDS_MODULE}` ? buildModule(builds) : null),
  };
}
