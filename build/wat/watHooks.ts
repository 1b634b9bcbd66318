// Node module hooks so that `import bytes from './module.wat'` works outside Vite too (the unit
// tests run the probes in Node's own engine): the same compilation as the Vite plugin.
import { readFileSync } from 'node:fs';
import type { LoadHook } from 'node:module';
import { fileURLToPath } from 'node:url';
import { watModuleSource } from './compileWat.ts';

export const load: LoadHook = async (url, context, nextLoad) => {
  if (!url.startsWith('file:') || !url.endsWith('.wat')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  return { format: 'module', source: await watModuleSource(readFileSync(path, 'utf8'), path), shortCircuit: true };
};
