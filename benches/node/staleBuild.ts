// Warns when crate/pkg is older than the crate's Rust sources: the numbers would be for old code.
// (A warning, not a rebuild: a release build takes minutes and may need the wasm toolchain.)
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function staleBuildWarning(pkgDir: string, srcDir = resolve(pkgDir, '../src')): string | null {
  let built: number;
  try {
    built = statSync(join(pkgDir, 'build-info.json')).mtimeMs;
  } catch {
    return `${pkgDir} has no build-info.json: build the crate first (npm run build:wasm)`;
  }
  return newestMtime(srcDir) > built ? `${srcDir} changed after ${pkgDir} was built: these numbers are for the old build (npm run build:wasm)` : null;
}
