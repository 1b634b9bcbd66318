// nginx with the repo's production config (deploy/nginx.conf) serving a fresh build, started by
// scripts/serve-nginx.sh as an unprivileged-style process (everything under a temporary prefix,
// 127.0.0.1 only). Three isolation variants make the serving matrix, each on its own port:
//   nginx           COEP require-corp (production)   WASM_COMPAT_NGINX_PORT, default 4180
//   credentialless  COEP credentialless              the port after it (4181)
//   not-isolated    no COOP/COEP                     the one after that (4182)
import type { Isolation } from '../expectations/probes.ts';
import { localWebServer, port } from './localServer.ts';
import type { Target } from './target.ts';

const VARIANTS: Record<Isolation, { name: string; offset: number; description: string }> = {
  'require-corp': { name: 'nginx', offset: 0, description: 'COOP same-origin + COEP require-corp' },
  credentialless: { name: 'credentialless', offset: 1, description: 'COOP same-origin + COEP credentialless' },
  none: { name: 'not-isolated', offset: 2, description: 'no COOP/COEP (not isolated)' },
};

export function nginxTarget(isolation: Isolation, env: NodeJS.ProcessEnv): Target {
  const variant = VARIANTS[isolation];
  const p = port(env, 'WASM_COMPAT_NGINX_PORT', 4180) + variant.offset;
  const url = `http://127.0.0.1:${p}/`;
  return {
    name: variant.name,
    kind: 'nginx',
    description: `nginx (deploy/nginx.conf) at ${url}, ${variant.description}`,
    harnessUrl: url,
    isolation,
    serving: { isolation, encodings: ['br', 'gzip'], hashedAssets: true },
    // Never reuse: a server already on the port (a person's `npm run serve`) may be another variant.
    webServer: localWebServer(`nginx ${variant.name}`, `bash scripts/serve-nginx.sh --port ${p} --isolation ${isolation}`, url, false),
  };
}
