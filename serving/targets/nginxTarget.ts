// nginx with the repo's production config (deploy/nginx.conf) serving the run's build, as an
// unprivileged-style process (everything under a temporary prefix, 127.0.0.1 only). Three
// isolation variants make the serving matrix:
//   nginx           COEP require-corp (production)
//   credentialless  COEP credentialless
//   not-isolated    no COOP/COEP
import type { Isolation } from '../../deploy/headerPolicy.ts';
import type { Target } from './target.ts';

const VARIANTS: Record<Isolation, { name: string; description: string }> = {
  'require-corp': { name: 'nginx', description: 'COOP same-origin + COEP require-corp' },
  credentialless: { name: 'credentialless', description: 'COOP same-origin + COEP credentialless' },
  none: { name: 'not-isolated', description: 'no COOP/COEP (not isolated)' },
};

export function nginxTarget(isolation: Isolation): Target {
  const variant = VARIANTS[isolation];
  return {
    name: variant.name,
    kind: 'nginx',
    description: `nginx (deploy/nginx.conf), ${variant.description}`,
    isolation,
    serving: { isolation, encodings: ['br', 'gzip'], hashedAssets: true },
    url: null,
    servesBuild: true,
    ...(isolation === 'require-corp' ? {} : { isolationVariantOf: VARIANTS['require-corp'].name }),
    start: async (build) => (await import('../nginx/nginxServer.ts')).startNginx({ root: build, isolation }),
  };
}
