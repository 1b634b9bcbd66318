// `import bytes from './module.wat'` in a Vite build: the text compiled to a Uint8Array (compileWat.ts).
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { watModuleSource } from './compileWat.ts';

export function watPlugin(): Plugin {
  return {
    name: 'wasm-compat:wat',
    load(id) {
      if (!id.endsWith('.wat')) return null;
      this.addWatchFile(id);
      return watModuleSource(readFileSync(id, 'utf8'), id);
    },
  };
}
