// Whether a project pinned to a compiler tier ran on that compiler, from what its page's
// environment.compilerTier probe saw. A pin whose flag did nothing (a misspelt flag, a flag the
// engine dropped, arguments that never reached it) must fail the project, never pass as pinned:
// every failure here names the pin, what was asked for and what the page saw.
import { type CompilerTier, pinWords } from '../engines/registry/descriptor.ts';

interface V8Answer {
  liftoff: boolean;
  turbofan: boolean;
}

/** What the probe reports (harness/probes/environment/compilerTier.ts), as the page published it. */
interface TierData {
  v8?: { afterFirstCall: V8Answer; afterWarmCalls: V8Answer } | null;
  v8Unavailable?: string | null;
  warmCalls?: number;
  callsOverJs?: number;
  compileOverJs?: number;
}

const said = (a: V8Answer) => `%IsLiftoffFunction ${a.liftoff}, %IsTurboFanFunction ${a.turbofan}`;

/**
 * The timing proof's thresholds, from what was seen on this 2-core machine (2026-12-06, nine
 * projects two at a time; the probe's loop warm over the same loop in JavaScript, the fastest of
 * five each, and compiling 2500 functions over that JavaScript loop):
 *
 * | engine                        | loop ÷ JS | compile ÷ JS |
 * |-------------------------------|-----------|--------------|
 * | Chromium 156, default tiering | 0.90      | 0.04 (lazy)  |
 * | Chromium, Liftoff only        | 3.58      | 0.05         |
 * | Chromium, TurboFan only       | 1.00      | 0.04         |
 * | Firefox 153, default tiering  | 0.99      | 0.42         |
 * | Firefox, baseline only        | 4.61      | 0.36         |
 * | Firefox, Ion only             | 1.53      | 4.12         |
 * | WebKitGTK 2.50, default       | 1.00      | 0.29         |
 * | WebKitGTK, BBQ only           | 2.68      | 0.28         |
 * | WebKitGTK, interpreter only   | 55        | 0.59         |
 *
 * Each threshold sits about halfway (on a log scale) between the pinned compiler and what the
 * engine does unpinned, so that a busy machine would have to skew a ratio by 1.6× or more to fool it.
 * (Ion alone calls without inlining, hence its 1.53: optimized code, but not the default's.)
 */
export const TIMING_PROOF = {
  /** At or above: the warm loop is not optimized code (a baseline compiler's, or an interpreter's). */
  notOptimized: 1.6,
  /** At or above: the warm loop is interpreted, not compiled. */
  interpreted: 15,
  /** At or above: the module was compiled by the optimizing compiler before its first call. */
  compiledUpFront: 1.5,
};

/** Why the page does not show the pin, or nothing when it does. `tier` null: not pinned, nothing to prove. */
export function tierProofFailures(tier: Pick<CompilerTier, 'name' | 'proof' | 'pin'> | null | undefined, data: TierData): string[] {
  if (!tier) return [];
  const pin = `the ${tier.name} pin (${pinWords(tier.pin).join(' ')})`;
  switch (tier.proof.kind) {
    case 'v8-natives': {
      if (!data.v8)
        return [
          `${pin} shows no effect: V8's natives syntax is unavailable in the page (${data.v8Unavailable ?? 'no answer'}), so the flags did not reach V8 and nothing proves which compiler ran`,
        ];
      const { afterFirstCall: first, afterWarmCalls: warm } = data.v8;
      const calls = data.warmCalls ?? 'many';
      if (tier.proof.compiler === 'liftoff')
        return warm.liftoff && !warm.turbofan && first.liftoff
          ? []
          : [`${pin}: the function should stay in Liftoff, but after its first call V8 said ${said(first)} and after ${calls} calls ${said(warm)}`];
      return first.turbofan && !first.liftoff && warm.turbofan
        ? []
        : [`${pin}: the function should be TurboFan's from its first call, but V8 said ${said(first)} then, and ${said(warm)} after ${calls} calls`];
    }
    case 'timing':
      return timingFailures(pin, tier.proof.shows, data);
  }
}

function timingFailures(pin: string, shows: Extract<CompilerTier['proof'], { kind: 'timing' }>['shows'], data: TierData): string[] {
  const { callsOverJs: loop, compileOverJs: compile } = data;
  if (typeof loop !== 'number' || typeof compile !== 'number' || !Number.isFinite(loop) || !Number.isFinite(compile))
    return [`${pin} shows nothing: the page reported no loop or compile times (${JSON.stringify({ callsOverJs: loop, compileOverJs: compile })})`];
  const t = TIMING_PROOF;
  const seen = `the warm loop took ${loop.toFixed(2)}× the JavaScript loop's time, compiling ${compile.toFixed(2)}×`;
  switch (shows) {
    case 'baseline-code-when-warm':
      if (loop < t.notOptimized)
        return [
          `${pin}: after ${data.warmCalls ?? 'many'} calls the loop should still run as baseline code (≥ ${t.notOptimized}× the JavaScript loop), but ${seen}: an optimizing compiler took it over`,
        ];
      if (loop >= t.interpreted) return [`${pin}: the loop should run as baseline code, but ${seen} (≥ ${t.interpreted}×: interpreted, not compiled)`];
      return [];
    case 'interpreted-when-warm':
      return loop >= t.interpreted ? [] : [`${pin}: the loop should be interpreted (≥ ${t.interpreted}× the JavaScript loop), but ${seen}: a compiler ran it`];
    case 'optimizing-compile-up-front':
      return compile >= t.compiledUpFront
        ? []
        : [
            `${pin}: the optimizing compiler should compile the module before its first call (≥ ${t.compiledUpFront}× the JavaScript loop), but ${seen}: a baseline compiler (or a lazy one) compiled it`,
          ];
  }
}
