// Loads a wasm-pack build of the crate in Node, whatever its target, without a bundler: the
// bundler target's .wasm is instantiated by hand with its glue module as the import object, which
// is what a bundler's WebAssembly ESM integration does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withPanicMessages } from './panicMessages.ts';

export type Crate = typeof import('../pkg/wasm_compat.js');

const WASM_FILE = 'wasm_compat_bg.wasm';

export async function loadCrateFromDir(pkgDir: string, target = 'bundler'): Promise<Crate> {
  let crate: Crate;
  let exports: WebAssembly.Exports | undefined;
  if (target === 'nodejs') {
    // The nodejs glue keeps its instance to itself: panics still carry their message, but the
    // shadow stack is not restored after one.
    crate = createRequire(import.meta.url)(join(pkgDir, 'wasm_compat.js')) as Crate;
  } else if (target === 'web') {
    const mod = (await import(pathToFileURL(join(pkgDir, 'wasm_compat.js')).href)) as Crate & { initSync(o: { module: BufferSource }): WebAssembly.Exports };
    exports = mod.initSync({ module: readFileSync(join(pkgDir, WASM_FILE)) });
    crate = mod;
  } else {
    const glue = (await import(pathToFileURL(join(pkgDir, 'wasm_compat_bg.js')).href)) as Crate & { __wbg_set_wasm(exports: unknown): void };
    const { instance } = await WebAssembly.instantiate(readFileSync(join(pkgDir, WASM_FILE)), {
      './wasm_compat_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    exports = instance.exports;
    crate = glue;
  }
  return withPanicMessages(crate, exports?.__stack_pointer as WebAssembly.Global | undefined);
}
