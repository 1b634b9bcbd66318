// An existing deployment, given by URL: checked, never started (a post-deploy smoke test of staging
// or production). How it is meant to serve is declared, never inferred from what it does:
//   WASM_COMPAT_ISOLATION=require-corp|credentialless|none   default require-corp
//   WASM_COMPAT_ENCODINGS=br,gzip | gzip | none               default br,gzip
import { ISOLATIONS, type Isolation } from '../../deploy/headerPolicy.ts';
import { parseEncodings } from '../checks/servingProfile.ts';
import type { Target } from './target.ts';
import { readSetting } from '../../settings/settings.ts';
import type { Environment } from '../../settings/environment.ts';

export function baseUrlTarget(base: string, env: Environment): Target {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`WASM_COMPAT_BASE_URL is not a URL: ${JSON.stringify(base)}`);
  }
  const isolation = (readSetting('isolation', env) ?? 'require-corp') as Isolation;
  if (!ISOLATIONS.includes(isolation)) throw new Error(`WASM_COMPAT_ISOLATION=${JSON.stringify(isolation)}: expected one of ${ISOLATIONS.join(', ')}`);
  const encodings = parseEncodings(readSetting('encodings', env) ?? 'br,gzip');
  // The page is the folder the URL names: a sub-path deployment works (the build uses relative URLs).
  const harnessUrl = new URL('./', url).href;
  return {
    name: 'url',
    kind: 'url',
    description: `deployment at ${harnessUrl}, declared COEP ${isolation}, encodings ${encodings.join(', ') || 'none'}`,
    isolation,
    serving: { isolation, encodings, hashedAssets: true },
    url: harnessUrl,
    servesBuild: false,
    start: null,
  };
}
