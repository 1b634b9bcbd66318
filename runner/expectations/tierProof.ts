// Whether a project pinned to a compiler tier ran on that compiler, from what its page's
// environment.compilerTier probe saw. A pin whose flag did nothing (a misspelt flag, a flag the
// engine dropped, arguments that never reached it) must fail the project, never pass as pinned:
// every failure here names the pin, what was asked for and what the page saw.
import type { CompilerTier } from '../engines/registry/descriptor.ts';

interface V8Answer {
  liftoff: boolean;
  turbofan: boolean;
}

/** What the probe reports (harness/probes/environment/compilerTier.ts), as the page published it. */
interface TierData {
  v8?: { afterFirstCall: V8Answer; afterWarmCalls: V8Answer } | null;
  v8Unavailable?: string | null;
  warmCalls?: number;
}

const said = (a: V8Answer) => `%IsLiftoffFunction ${a.liftoff}, %IsTurboFanFunction ${a.turbofan}`;

/** Why the page does not show the pin, or nothing when it does. `tier` null: not pinned, nothing to prove. */
export function tierProofFailures(tier: Pick<CompilerTier, 'name' | 'proof' | 'pin'> | null | undefined, data: TierData): string[] {
  if (!tier) return [];
  const pin = `the ${tier.name} pin (${tier.pin.args.join(' ')})`;
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
  }
}
