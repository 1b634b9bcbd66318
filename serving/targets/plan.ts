// Which targets a run uses: a primary one for the five browser projects, and the serving matrix.
//   WASM_COMPAT_BASE_URL=https://staging.example.com/  check that deployment (no local servers, no matrix)
//   WASM_COMPAT_TARGET=preview|dev|nginx              what the five plain projects run against (default preview)
//   WASM_COMPAT_MATRIX=1                              add the nginx serving matrix projects (npm test and
//                                                     npm run compat do; a plain run leaves them out: about
//                                                     two thirds of its time for checks of the serving setup)
import { baseUrlTarget } from './baseUrlTarget.ts';
import { devTarget } from './devTarget.ts';
import { nginxTarget } from './nginxTarget.ts';
import { previewTarget } from './previewTarget.ts';
import type { Target } from './target.ts';

export const TARGET_KINDS = ['preview', 'dev', 'nginx'] as const;

export interface TargetPlan {
  /** What the five plain projects (chromium, firefox, webkit, pixel5, iphone12) run against. */
  primary: Target;
  /** Further targets, each with its own projects (engine@target), restricted to the serving specs. */
  matrix: Target[];
}

/** WASM_COMPAT_MATRIX: 1 runs the serving matrix, 0 or unset leaves it out; anything else is a mistake, named. */
function servingMatrixAsked(env: NodeJS.ProcessEnv): boolean {
  const set = env.WASM_COMPAT_MATRIX;
  if (set === undefined || set === '' || set === '0') return false;
  if (set === '1') return true;
  throw new Error(`WASM_COMPAT_MATRIX=${JSON.stringify(set)}: expected 1 (run the nginx serving matrix) or 0`);
}

export function planTargets(env: NodeJS.ProcessEnv = process.env): TargetPlan {
  if (env.WASM_COMPAT_BASE_URL) return { primary: baseUrlTarget(env.WASM_COMPAT_BASE_URL, env), matrix: [] };
  const kind = env.WASM_COMPAT_TARGET ?? 'preview';
  if (!(TARGET_KINDS as readonly string[]).includes(kind))
    throw new Error(`WASM_COMPAT_TARGET=${JSON.stringify(kind)}: expected one of ${TARGET_KINDS.join(', ')} (or set WASM_COMPAT_BASE_URL for a deployment)`);
  const primary = kind === 'dev' ? devTarget() : kind === 'nginx' ? nginxTarget('require-corp') : previewTarget();
  const matrix = servingMatrixAsked(env)
    ? (['require-corp', 'credentialless', 'none'] as const).map((i) => nginxTarget(i)).filter((t) => t.name !== primary.name)
    : [];
  return { primary, matrix };
}

/** The target the five plain projects run against. */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): Target {
  return planTargets(env).primary;
}
