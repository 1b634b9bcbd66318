// The Vite dev server: the same security and isolation headers, but no build: modules are not
// hashed (Vite revalidates them) and nothing is compressed.
import type { Target } from './target.ts';

export function devTarget(): Target {
  return {
    name: 'dev',
    kind: 'dev',
    description: 'Vite dev server, COEP require-corp, no compression',
    isolation: 'require-corp',
    serving: { isolation: 'require-corp', encodings: [], hashedAssets: false },
    url: null,
    servesBuild: false,
    start: async () => (await import('../servers/devServer.ts')).startDev({ isolation: 'require-corp' }),
  };
}
