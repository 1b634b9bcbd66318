// `vite preview` of the run's build: the same headers as production, precompressed brotli and
// gzip, hashed assets (serving/servingPlugin.ts).
import type { Target } from './target.ts';

export function previewTarget(): Target {
  return {
    name: 'preview',
    kind: 'preview',
    description: 'vite preview of the run’s build, COEP require-corp',
    isolation: 'require-corp',
    serving: { isolation: 'require-corp', encodings: ['br', 'gzip'], hashedAssets: true },
    url: null,
    servesBuild: true,
    start: async (build) => (await import('../servers/previewServer.ts')).startPreview({ outDir: build, isolation: 'require-corp' }),
  };
}
