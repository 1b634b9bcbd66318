// Loads the wasm-pack module the way a bundled site does: an ES module import that
// vite-plugin-wasm resolves. Panics reach JS as errors carrying their message. Dynamic, so that a browser without WebAssembly still runs the page.
import { withPanicMessages } from '../../crate/js/panicMessages.ts';
import type { CrateModule } from '../probes/probe.ts';
import { describeError } from '../probes/runProbe.ts';

export async function loadCrate(): Promise<{ module: CrateModule | null; error: string | null; ms: number }> {
  const start = performance.now();
  try {
    const glue = await import('../../crate/pkg/wasm_compat.js');
    // The same instance's raw exports (the module cache makes it one instance), for its stack pointer.
    const raw = (await import('../../crate/pkg/wasm_compat_bg.wasm')) as unknown as { __stack_pointer?: WebAssembly.Global };
    const module = withPanicMessages(glue, raw.__stack_pointer);
    return { module, error: null, ms: performance.now() - start };
  } catch (error) {
    return { module: null, error: describeError(error), ms: performance.now() - start };
  }
}
