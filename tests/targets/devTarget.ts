// The Vite dev server (scripts/serve-dev.sh): the same security and isolation headers, but no
// build: modules are not hashed (Vite revalidates them) and nothing is compressed.
import { localWebServer, port } from './localServer.ts';
import type { Target } from './target.ts';

export function devTarget(env: NodeJS.ProcessEnv): Target {
  const p = port(env, 'WASM_COMPAT_DEV_PORT', 5173);
  const url = `http://127.0.0.1:${p}/`;
  return {
    name: 'dev',
    kind: 'dev',
    description: `Vite dev server at ${url}, COEP require-corp, no compression`,
    harnessUrl: url,
    isolation: 'require-corp',
    serving: { isolation: 'require-corp', encodings: [], hashedAssets: false },
    webServer: localWebServer('dev', `bash scripts/serve-dev.sh ${p}`, url, !env.CI),
  };
}
