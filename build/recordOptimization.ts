// After wasm-opt: validates each optimized .wasm (and that it still exports what the build did),
// writes .gz/.br beside it, refreshes build-info.json and the .sha256 files, and reports the sizes
// on screen and in <reports>/size/optimize-<level>.json.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeFileAtomic, writeJsonAtomic } from '../reporting/writeWhole.ts';
import { brotli, gzip, measureWasm, type WasmSizes } from './wasmSizes.ts';
import type { BuildInfo } from './buildInfo.ts';
import { outsideVariable } from '../settings/environment.ts';

type WasmEntry = BuildInfo['wasm'][number] & { original?: WasmSizes };
export interface OptimizationRow {
  file: string;
  before: WasmSizes;
  after: WasmSizes;
  savedPercent: { bytes: number; gzip: number; brotli: number };
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { level: { type: 'string' }, flags: { type: 'string' }, 'wasm-opt': { type: 'string' } },
});
const pkgDir = positionals[0]!;
const infoPath = join(pkgDir, 'build-info.json');
const info = JSON.parse(readFileSync(infoPath, 'utf8')) as Omit<BuildInfo, 'wasm'> & { wasm: WasmEntry[]; optimization?: unknown };

const exportNames = (bytes: Uint8Array<ArrayBuffer>) =>
  WebAssembly.Module.exports(new WebAssembly.Module(bytes))
    .map((e) => `${e.kind}:${e.name}`)
    .sort()
    .join(',');
const percent = (before: number, after: number) => Math.round(((before - after) / before) * 1000) / 10;

const rows: OptimizationRow[] = info.wasm.map((entry) => {
  const path = join(pkgDir, entry.file);
  const before: WasmSizes = entry.original ?? { bytes: entry.bytes, gzip: entry.gzip, brotli: entry.brotli, sha256: entry.sha256 };
  const bytes = new Uint8Array(readFileSync(path));
  if (outsideVariable('SKIP_VALIDATION') !== '1') {
    if (!WebAssembly.validate(bytes)) throw new Error(`optimize-wasm: ${path} does not validate in this Node's WebAssembly engine`);
    const original = new Uint8Array(readFileSync(`${path}.orig`));
    if (exportNames(bytes) !== exportNames(original)) throw new Error(`optimize-wasm: ${path} no longer exports what the build exported`);
  }
  for (const [ext, compress] of [
    ['gz', gzip],
    ['br', brotli],
  ] as const) {
    if (outsideVariable('SKIP_COMPRESSION') === '1') {
      // A stale precompressed file would be served in place of the new .wasm.
      if (existsSync(`${path}.${ext}`)) rmSync(`${path}.${ext}`);
    } else {
      writeFileAtomic(`${path}.${ext}`, compress(bytes));
    }
  }
  const after = measureWasm(path);
  writeFileAtomic(`${path}.sha256`, `${after.sha256}  ${entry.file}\n`);
  Object.assign(entry, after, { original: before });
  return {
    file: entry.file,
    before,
    after,
    savedPercent: { bytes: percent(before.bytes, after.bytes), gzip: percent(before.gzip, after.gzip), brotli: percent(before.brotli, after.brotli) },
  };
});

const optimization = {
  level: values.level!,
  flags: values.flags!,
  wasmOpt: values['wasm-opt']!,
  validated: outsideVariable('SKIP_VALIDATION') !== '1',
  compressed: outsideVariable('SKIP_COMPRESSION') !== '1',
  at: new Date().toISOString(),
};
info.optimization = optimization;
writeJsonAtomic(infoPath, info);
const sizeReport = reportPath('size', `optimize-${values.level}.json`);
writeJsonAtomic(sizeReport, { ...optimization, mode: info.mode, target: info.target, crate: info.crate, files: rows });

for (const r of rows) {
  console.log(`optimize-wasm: ${r.file} (${values.level})`);
  console.log('  %s  %s  %s  %s', 'size'.padEnd(7), 'before'.padStart(9), 'after'.padStart(9), 'saved');
  for (const k of ['bytes', 'gzip', 'brotli'] as const) {
    console.log('  %s  %s  %s  %s%', k.padEnd(7), String(r.before[k]).padStart(9), String(r.after[k]).padStart(9), r.savedPercent[k]);
  }
}
console.log(`optimize-wasm: report in ${sizeReport}`);
