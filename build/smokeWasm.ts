// Smoke test of a fresh wasm-pack build: instantiates the .wasm with its glue in Node and calls a
// few exports with known answers. Exits non-zero, naming the export, when one is wrong.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCrateFromDir } from '../crate/js/nodeLoader.ts';

const pkgDir = resolve(process.argv[2] ?? 'crate/pkg');
const info = JSON.parse(readFileSync(join(pkgDir, 'build-info.json'), 'utf8')) as { target: string; mode: string };
const crate = await loadCrateFromDir(pkgDir, info.target);

const checks: Array<[string, () => unknown, unknown]> = [
  ['sieveCount(100)', () => crate.sieveCount(100), 25],
  ['stringRoundtrip("🦀 ✓")', () => crate.stringRoundtrip('🦀 ✓'), '🦀 ✓'],
  ['sumF64([1.5, 2.5])', () => crate.sumF64(new Float64Array([1.5, 2.5])), 4],
  [
    'JSON.parse(buildInfo()).version',
    () => (JSON.parse(crate.buildInfo()) as { version: string }).version,
    JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version,
  ],
];
let failed = 0;
for (const [name, call, expected] of checks) {
  let actual: unknown;
  try {
    actual = call();
  } catch (error) {
    actual = `threw ${String(error)}`;
  }
  if (actual !== expected) {
    failed++;
    console.error(`smoke: ${name} gave ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}
if (failed) process.exit(1);
console.log(`smoke: ${checks.length} exports answered correctly (${info.mode}, ${info.target}) from ${pkgDir}`);
