// Writes <pkg>/build-info.json and a `sha256sum`-style <file>.sha256 beside every .wasm.
// Called by build-wasm.sh; the toolchain versions come in as flags because only the shell knows
// which toolchain it activated.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildInfo } from './buildInfo.ts';
import { measureWasm } from './wasmSizes.ts';

function git(args: string[]): string | null {
  try {
    // The crate's own repository, which need not be this one.
    return execFileSync('git', args, { cwd: values['crate-dir'] ?? process.cwd(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string' },
    target: { type: 'string' },
    rustc: { type: 'string' },
    'wasm-pack': { type: 'string' },
    'wasm-bindgen': { type: 'string' },
    'crate-dir': { type: 'string' },
    features: { type: 'string' },
  },
});
const pkgDir = positionals[0];
if (!pkgDir) throw new Error('usage: write-build-info.ts <pkg dir> --mode M --target T --rustc V --wasm-pack V --wasm-bindgen V');
for (const flag of ['mode', 'target', 'rustc', 'wasm-pack', 'wasm-bindgen'] as const) {
  if (!values[flag]) throw new Error(`write-build-info: --${flag} is required`);
}

const pkgJson = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };
const wasmFiles = readdirSync(pkgDir)
  .filter((f) => f.endsWith('.wasm'))
  .sort();
if (wasmFiles.length === 0) throw new Error(`write-build-info: no .wasm in ${pkgDir}`);

// A fresh build replaces the .wasm: precompressed copies and optimizer backups of the old one are stale.
for (const file of readdirSync(pkgDir)) {
  if (/\.wasm\.(gz|br|orig)$/.test(file)) rmSync(join(pkgDir, file));
}

const wasm = wasmFiles.map((file) => {
  const sizes = measureWasm(join(pkgDir, file));
  writeFileSync(join(pkgDir, `${file}.sha256`), `${sizes.sha256}  ${file}\n`);
  return { file, ...sizes };
});

const status = git(['status', '--porcelain']);
const info: BuildInfo = {
  crate: {
    name: pkgJson.name,
    version: pkgJson.version,
    ...(values['crate-dir'] ? { dir: values['crate-dir'] } : {}),
    features: values.features ? values.features.split(',') : [],
  },
  mode: values.mode as BuildInfo['mode'],
  target: values.target as BuildInfo['target'],
  toolchain: { rustc: values.rustc!, wasmPack: values['wasm-pack']!, wasmBindgen: values['wasm-bindgen']! },
  git: { commit: git(['rev-parse', 'HEAD']), dirty: status === null ? null : status.length > 0 },
  builtAt: new Date().toISOString(),
  wasm,
};
// Written whole, then renamed: a reader never sees half a file.
const out = join(pkgDir, 'build-info.json');
writeFileSync(`${out}.tmp`, `${JSON.stringify(info, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
for (const w of wasm) {
  console.log(
    `build-info: ${relative(process.cwd(), join(pkgDir, w.file)) || basename(w.file)} ${w.bytes} B, gzip ${w.gzip} B, brotli ${w.brotli} B, sha256 ${w.sha256.slice(0, 16)}…`,
  );
}
