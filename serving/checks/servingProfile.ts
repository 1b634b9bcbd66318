// How a target is meant to serve the harness: what the serving checks expect of it. Declared by
// the target (serving/targets/), never inferred from what the server or the page did.
import type { Encoding, Isolation } from '../../deploy/headerPolicy.ts';

export interface ServingProfile {
  /** COEP require-corp or credentialless (isolated), or not isolated. */
  isolation: Isolation;
  /** Encodings it must negotiate for compressible files (per Accept-Encoding); [] for none. */
  encodings: Encoding[];
  /** Whether it serves a build, whose content-hashed assets must be cached a year, immutable (not the dev server). */
  hashedAssets: boolean;
}

/** A production deployment: isolated with COEP require-corp, brotli and gzip, a hashed build. */
export const PRODUCTION_PROFILE: ServingProfile = { isolation: 'require-corp', encodings: ['br', 'gzip'], hashedAssets: true };

const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** Parses a list such as "br,gzip" or "none" (WASM_COMPAT_ENCODINGS). */
export function parseEncodings(list: string): Encoding[] {
  if (list.trim() === 'none' || list.trim() === '') return [];
  return list.split(',').map((e) => {
    const encoding = e.trim() as Encoding;
    if (!ENCODINGS.includes(encoding))
      throw new Error(`unknown encoding ${JSON.stringify(e.trim())}: expected a comma-separated list of ${ENCODINGS.join(', ')}, or none`);
    return encoding;
  });
}
