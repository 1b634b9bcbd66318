// <pkg>/build-info.json: what a crate build was (mode, target, toolchain, commit) and every .wasm it
// produced with its sizes and SHA-256. Written by writeBuildInfo.ts, refreshed by
// recordOptimization.ts, read by the harness build, the benchmarks and the serving checks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WasmSizes } from './wasmSizes.ts';

export const BUILD_INFO_FILE = 'build-info.json';

export interface BuildInfo {
  /** dir: the crate's folder; features: the cargo features it was built with. */
  crate: { name: string; version: string; dir?: string; features?: string[] };
  mode: 'dev' | 'release' | 'profiling';
  target: 'web' | 'bundler' | 'nodejs';
  toolchain: { rustc: string; wasmPack: string; wasmBindgen: string };
  git: { commit: string | null; dirty: boolean | null };
  builtAt: string;
  wasm: Array<{ file: string } & WasmSizes>;
}

/** The build's record, or an error naming the missing build. */
export function readBuildInfo(pkgDir: string): BuildInfo {
  const path = join(pkgDir, BUILD_INFO_FILE);
  if (!existsSync(path)) throw new Error(`${path} not found: build the crate first (npm run build:wasm)`);
  return JSON.parse(readFileSync(path, 'utf8')) as BuildInfo;
}
