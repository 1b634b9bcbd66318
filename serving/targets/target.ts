// Where the harness is served from, and how that server is meant to serve it: the Target every kind
// of target is. One module per kind:
//   previewTarget.ts  `vite preview` of the run's build (the default)
//   devTarget.ts      the Vite dev server
//   nginxTarget.ts    nginx with deploy/nginx.conf, in three isolation variants (the serving matrix)
//   baseUrlTarget.ts  an existing deployment, only checked, never started (post-deploy smoke test)
// plan.ts picks a run's targets; startTargets.ts starts the local ones on free loopback ports, all
// serving one build of the page.
import type { Isolation } from '../../deploy/headerPolicy.ts';
import type { ServingProfile } from '../checks/servingProfile.ts';
import type { RunningServer } from '../servers/runningServer.ts';
import type { ProbeCategory } from '../../harness/probes/probe.ts';

export type TargetKind = 'preview' | 'dev' | 'nginx' | 'url';

export interface Target {
  /** Short and stable: the suffix of the projects that run against it (chromium@nginx). */
  name: string;
  kind: TargetKind;
  /** One line for reports: what serves it and how. */
  description: string;
  /** How the target serves the page, which decides what isolation-dependent probes should report. */
  isolation: Isolation;
  /** What the serving checks expect of it (its isolation included). */
  serving: ServingProfile;
  /** A deployment's page URL; null for a local target, whose URL is known once it started. */
  url: string | null;
  /** Starts a local target, on the run's build of the harness where it serves one; null for a deployment. */
  start: ((build: string) => Promise<RunningServer>) | null;
  /** Whether it serves a build (the dev server serves the sources). */
  servesBuild: boolean;
  /** The target this one serves exactly like but for COOP/COEP (the serving matrix's isolation variants). */
  isolationVariantOf?: string;
}

/** What a report and a worker need of a target: everything but how to start it. */
export type TargetRecord = Pick<Target, 'name' | 'kind' | 'description' | 'isolation' | 'serving'>;

export function targetRecord({ name, kind, description, isolation, serving }: Target): TargetRecord {
  return { name, kind, description, isolation, serving };
}

/** The specs a server can change (the rest, features, limits, execution, is the engine's alone):
 * what the serving matrix projects run, and what a broken deployment must fail. */
export const SERVING_SPECS = ['serving.spec.ts', 'loading.spec.ts', 'environment.spec.ts', 'page.spec.ts'];

/** The probe categories those specs judge: what a serving matrix project's page runs. */
export const SERVING_CATEGORIES: ProbeCategory[] = ['environment', 'loading', 'serving'];

/** Probes that COOP/COEP cannot change: how the module's bytes arrive and compile. An isolation
 * variant leaves them to the target it varies, which serves the same bytes the same way. */
export const ISOLATION_BLIND_PROBES = ['loading.compileDuringDownload', 'loading.cachedSecondLoad'];
