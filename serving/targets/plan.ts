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
import { readSetting } from '../../settings/settings.ts';
import { type Environment, environment } from '../../settings/environment.ts';

export interface TargetPlan {
  /** What the five plain projects (chromium, firefox, webkit, pixel5, iphone12) run against. */
  primary: Target;
  /** Further targets, each with its own projects (engine@target), restricted to the serving specs. */
  matrix: Target[];
}

export function planTargets(env: Environment = environment()): TargetPlan {
  const base = readSetting('baseUrl', env);
  if (base) return { primary: baseUrlTarget(base, env), matrix: [] };
  const kind = readSetting('target', env) ?? 'preview';
  const primary = kind === 'dev' ? devTarget() : kind === 'nginx' ? nginxTarget('require-corp') : previewTarget();
  const matrix = readSetting('matrix', env)
    ? (['require-corp', 'credentialless', 'none'] as const).map((i) => nginxTarget(i)).filter((t) => t.name !== primary.name)
    : [];
  return { primary, matrix };
}

/** The target the five plain projects run against. */
export function resolveTarget(env: Environment = environment()): Target {
  return planTargets(env).primary;
}
