// Loads the subject the way a site does: its wasm-bindgen glue as an ES module that
// vite-plugin-wasm resolves (bundler target) or through the glue's init() (web target). Dynamic, so
// that a browser without WebAssembly still runs the page. What the generic probes need beside the
// glue comes too: the import object the glue gives the .wasm, and the instance's raw exports.
import { loadGlue, loadGlueImports, loadRawExports } from 'virtual:wasm-compat/subject';
import type { ProbeContext } from '../probes/probe.ts';
import { describeError } from '../probes/runProbe.ts';

export async function loadSubject(): Promise<Pick<ProbeContext, 'crate' | 'crateError' | 'glueImports' | 'rawExports'>> {
  try {
    const crate = await loadGlue();
    const [glueImports, rawExports] = await Promise.all([loadGlueImports(), loadRawExports()]);
    return { crate, crateError: null, glueImports, rawExports };
  } catch (error) {
    return { crate: null, crateError: describeError(error), glueImports: null, rawExports: null };
  }
}
