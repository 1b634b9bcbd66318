// `vite preview` of a fresh production build (scripts/serve-preview.sh): the same headers as
// production, precompressed brotli and gzip, hashed assets (harness/servingPlugin.ts).
import { localWebServer, port } from './localServer.ts';
import type { Target } from './target.ts';

export function previewTarget(env: NodeJS.ProcessEnv): Target {
  const p = port(env, 'WASM_COMPAT_PORT', 4173);
  const url = `http://127.0.0.1:${p}/`;
  return {
    name: 'preview',
    kind: 'preview',
    description: `vite preview of a fresh build at ${url}, COEP require-corp`,
    harnessUrl: url,
    isolation: 'require-corp',
    serving: { isolation: 'require-corp', encodings: ['br', 'gzip'], hashedAssets: true },
    // Locally an already running preview is reused; CI always starts its own.
    webServer: localWebServer('preview', `bash scripts/serve-preview.sh ${p}`, url, !env.CI),
  };
}
