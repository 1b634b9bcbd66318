// Loads the wasm-pack "bundler" build of the crate in Node as a bundler would, without the
// panic-message Proxy that crate/js/nodeLoader.ts adds: a benchmark must time the glue and the
// export a real page calls, not a Proxy trap and a try/catch around every call.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrateModule } from '../suites/types.ts';

export const WASM_FILE = 'wasm_compat_bg.wasm';

export interface LoadedCrate {
  crate: CrateModule;
  wasmBytes: Uint8Array<ArrayBuffer>;
  /** crate/pkg/build-info.json, when there is one. */
  buildInfo: Record<string, unknown> | null;
}

/**
 * `copy` names a separate copy of the glue: the A/B check loads two builds in one process, and
 * Node keeps one module per URL, so each build's glue is imported under its own query string.
 */
export async function loadRawCrate(pkgDir: string, copy?: string): Promise<LoadedCrate> {
  const buildInfo = readBuildInfo(pkgDir);
  if (buildInfo && buildInfo.target !== 'bundler') {
    throw new Error(`${pkgDir} holds a '${String(buildInfo.target)}' build; the benchmarks load the bundler build (npm run build:wasm)`);
  }
  const wasmPath = join(pkgDir, WASM_FILE);
  if (!existsSync(wasmPath)) throw new Error(`${pkgDir} has no ${WASM_FILE}: not a wasm-pack build of the crate (npm run build:wasm makes one)`);
  const file = readFileSync(wasmPath);
  const wasmBytes = new Uint8Array(file.byteLength);
  wasmBytes.set(file);
  const glueUrl = pathToFileURL(join(pkgDir, 'wasm_compat_bg.js'));
  if (copy) glueUrl.searchParams.set('build', copy);
  const glue = (await import(glueUrl.href)) as CrateModule & { __wbg_set_wasm(exports: unknown): void };
  const { instance } = await WebAssembly.instantiate(wasmBytes, { './wasm_compat_bg.js': glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return { crate: glue, wasmBytes, buildInfo };
}

function readBuildInfo(pkgDir: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(join(pkgDir, 'build-info.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}
