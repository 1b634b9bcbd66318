// loading.esmIntegration: the crate as a bundled site loads it. vite-plugin-wasm turns
// `import ... from 'wasm_compat_bg.wasm'` into a fetch + instantiate whose exports the wasm-pack
// glue imports as an ES module; the page did that at start-up (loadCrate.ts). Here we check that
// it produced a module and that an export answers through the glue.
import { crateProbe } from '../crateProbe.ts';

export default crateProbe({
  title: 'Crate loads as an ES module (vite-plugin-wasm)',
  async run(crate) {
    const answer = crate.sieveCount(100);
    const ok = answer === 25;
    return {
      status: ok ? 'pass' : 'fail',
      detail: ok ? 'crate module loaded; sieveCount(100) = 25 through the glue' : `crate module loaded but sieveCount(100) = ${answer}, expected 25`,
      data: { sieveCount100: answer },
    };
  },
});
