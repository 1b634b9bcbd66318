// What each non-feature probe should report, per engine and per serving setup. Default: 'pass'.
// Feature probes are decided by features.ts. Each exception names its source.
import type { Isolation } from '../../deploy/headerPolicy.ts';
import { crossOriginIsolatedUnder, notObserved, webKitGtkThreadsObserved } from './engineBehaviour.ts';
import type { EngineKey } from './engineKey.ts';

export type { Isolation };

export interface ExpectationContext {
  engine: EngineKey;
  version: string;
  /** How the target serves the page: COEP require-corp or credentialless (isolated), or not isolated. */
  isolation: Isolation;
}

export interface ProbeExpectation {
  status: 'pass' | 'unsupported';
  why: string;
}

/** What one probe should report in one engine and serving setup. A subject's probes folder may export more (expectations.ts). */
export type Rule = (ctx: ExpectationContext) => ProbeExpectation;

const RULES: Record<string, Rule> = {
  // Shared memory reaches a worker only in a cross-origin isolated page (HTML spec, "cross-origin
  // isolated capability"); the serving matrix runs both kinds.
  'serving.threads': (ctx) => {
    if (ctx.isolation === 'none') return { status: 'unsupported', why: 'the target is served without COOP/COEP, so no SharedArrayBuffer for workers' };
    const isolated = crossOriginIsolatedUnder(ctx.engine, ctx.isolation, ctx.version);
    if (isolated === undefined) return { status: 'pass', why: notObserved(ctx.engine, ctx.version, `isolation under COEP ${ctx.isolation}`) };
    if (!isolated) return { status: 'unsupported', why: `this engine does not isolate a page served with COEP ${ctx.isolation} (runner/expectations/engineBehaviour.ts)` };
    // Observed here on WebKitGTK 2.50 (2026-11-27): isolated, yet posting a shared WebAssembly.Memory
    // or its buffer to a worker throws DataCloneError, so wasm threads cannot work in it. The serving
    // spec holds it to that route (WEBKITGTK_THREADS_REFUSAL); other versions are unknown.
    if (ctx.engine === 'webkitgtk') {
      if (!webKitGtkThreadsObserved(ctx.version)) return { status: 'pass', why: notObserved(ctx.engine, ctx.version, 'wasm threads (shared memory posted to a worker)') };
      return { status: 'unsupported', why: 'WebKitGTK 2.50 refuses to post shared memory to a worker (DataCloneError), even isolated (docs/toolchain.md)' };
    }
    return { status: 'pass', why: `the target is cross-origin isolated (COEP ${ctx.isolation})` };
  },
};

export function expectedProbe(id: string, ctx: ExpectationContext, subjectRules: Record<string, Rule> = {}): ProbeExpectation {
  return (RULES[id] ?? subjectRules[id])?.(ctx) ?? { status: 'pass', why: 'every engine the suite supports must pass this probe' };
}
