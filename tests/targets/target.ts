// Where the harness is served from, and how that server is meant to serve it. One module per kind:
//   previewTarget.ts  `vite preview` of a fresh build (the default)
//   devTarget.ts      the Vite dev server
//   nginxTarget.ts    nginx with deploy/nginx.conf, in three isolation variants (the serving matrix)
//   baseUrlTarget.ts  an existing deployment, only checked, never started (post-deploy smoke test)
// Local targets start through Playwright's webServer on fixed loopback ports (each overridable by
// env), because the config is evaluated again in every worker process and must agree with itself.
//
//   WASM_COMPAT_BASE_URL=https://staging.example.com/  check that deployment (no local servers, no matrix)
//   WASM_COMPAT_TARGET=preview|dev|nginx              what the five plain projects run against (default preview)
//   WASM_COMPAT_MATRIX=0                              leave out the nginx serving matrix projects
//   ports: WASM_COMPAT_PORT (preview, 4173), WASM_COMPAT_DEV_PORT (5173),
//          WASM_COMPAT_NGINX_PORT (4180; its credentialless and not-isolated variants take the next two)
import type { Isolation } from '../expectations/probes.ts';
import type { ServingProfile } from '../serving/servingProfile.ts';
import { baseUrlTarget } from './baseUrlTarget.ts';
import { devTarget } from './devTarget.ts';
import { nginxTarget } from './nginxTarget.ts';
import type { WebServer } from './localServer.ts';
import { previewTarget } from './previewTarget.ts';

export type TargetKind = 'preview' | 'dev' | 'nginx' | 'url';

export interface Target {
  /** Short and stable: the suffix of the projects that run against it (chromium@nginx). */
  name: string;
  kind: TargetKind;
  /** One line for reports: what serves it and how. */
  description: string;
  /** The harness page, absolute. */
  harnessUrl: string;
  /** How the target serves the page, which decides what isolation-dependent probes should report. */
  isolation: Isolation;
  /** What the serving checks expect of it (its isolation included). */
  serving: ServingProfile;
  webServer: WebServer | null;
}

export const TARGET_KINDS = ['preview', 'dev', 'nginx'] as const;

/** The specs a server can change (the rest, features, limits, execution, is the engine's alone):
 * what the serving matrix projects run, and what a broken deployment must fail. */
export const SERVING_SPECS = ['serving.spec.ts', 'loading.spec.ts', 'environment.spec.ts', 'page.spec.ts'];

export interface TargetPlan {
  /** What the five plain projects (chromium, firefox, webkit, pixel5, iphone12) run against. */
  primary: Target;
  /** Further targets, each with its own projects (engine@target), restricted to the serving specs. */
  matrix: Target[];
}

export function planTargets(env: NodeJS.ProcessEnv = process.env): TargetPlan {
  if (env.WASM_COMPAT_BASE_URL) return { primary: baseUrlTarget(env.WASM_COMPAT_BASE_URL, env), matrix: [] };
  const kind = env.WASM_COMPAT_TARGET ?? 'preview';
  if (!(TARGET_KINDS as readonly string[]).includes(kind)) throw new Error(`WASM_COMPAT_TARGET=${JSON.stringify(kind)}: expected one of ${TARGET_KINDS.join(', ')} (or set WASM_COMPAT_BASE_URL for a deployment)`);
  const primary = kind === 'dev' ? devTarget(env) : kind === 'nginx' ? nginxTarget('require-corp', env) : previewTarget(env);
  const matrix = env.WASM_COMPAT_MATRIX === '0' ? [] : (['require-corp', 'credentialless', 'none'] as const).map((i) => nginxTarget(i, env)).filter((t) => t.name !== primary.name);
  return { primary, matrix };
}

/** The target the five plain projects run against. */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): Target {
  return planTargets(env).primary;
}
