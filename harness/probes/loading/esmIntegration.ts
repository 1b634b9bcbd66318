// loading.esmIntegration: the subject as a site loads it. For the bundler target vite-plugin-wasm
// turns the glue's `import ... from '<stem>_bg.wasm'` into a fetch + instantiate whose exports the
// glue imports as an ES module; for the web target the glue's init() fetches the .wasm itself. The
// page did that at start-up (page/loadSubject.ts); here we check that it produced a glue module and
// that every export the module declares reached the instance the glue uses.
import { crateProbe } from '../crateProbe.ts';

export default crateProbe({
  title: 'The subject loads through its wasm-bindgen glue as a site loads it',
  async run(crate, { subject, rawExports }) {
    const api = Object.keys(crate).filter((k) => !k.startsWith('__wbg') && !k.startsWith('__wbindgen') && k !== 'default' && k !== 'initSync');
    const how = subject.target === 'bundler' ? 'as an ES module (vite-plugin-wasm)' : "through the glue's init() (web target)";
    if (rawExports) {
      const missing = Object.entries(rawExports)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
      if (missing.length > 0) return { status: 'fail', detail: `loaded ${how}, but the instance lacks ${missing.join(', ')}`, data: { missing } };
    }
    return {
      status: 'pass',
      detail: `${subject.name} ${subject.version} loaded ${how}: ${api.length} exports through the glue${rawExports ? `, ${Object.keys(rawExports).length} on the instance` : ''}`,
      data: { exports: api.slice(0, 50), exportCount: api.length, target: subject.target },
    };
  },
});
