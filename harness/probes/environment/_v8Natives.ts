// A module that parses only where V8 allows its natives syntax (--allow-natives-syntax, which a
// project pinned to a V8 tier is launched with): it asks V8 which compiler produced a function's
// code. Served beside the page as a file of its own, so the page imports it from its own origin,
// within its Content Security Policy (script-src 'self'), which forbids compiling it from a
// string; anywhere else the import rejects with a SyntaxError, which the probe reports.
import type { Plugin } from 'vite';

export const V8_NATIVES_FILE = 'v8-natives.js';

const SOURCE = `// wasm-compat: which V8 compiler made a function's code (parses only with --allow-natives-syntax).
export const v8Tier = (f) => ({ liftoff: %IsLiftoffFunction(f), turbofan: %IsTurboFanFunction(f) });
`;

/** Emits the module into the build, and answers it from the dev server, which has no build. */
export function v8NativesPlugin(): Plugin {
  return {
    name: 'wasm-compat:v8-natives',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: V8_NATIVES_FILE, source: SOURCE });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${V8_NATIVES_FILE}`) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.end(SOURCE);
      });
    },
  };
}
