// Turns the feature support table (features.ts) into a probe expectation for one engine version.
import type { EngineKey } from './engineKey.ts';
import { expectedSupport } from './features.ts';
import type { ExpectationContext, ProbeExpectation } from './probes.ts';

export function expectedFeature(id: string, ctx: ExpectationContext): ProbeExpectation {
  const supported = expectedSupport(id, ctx.engine as EngineKey, ctx.version);
  if (supported === undefined) {
    // Without an entry the suite holds the engine to "it works"; the message says the table lacks it.
    return { status: 'pass', why: `runner/expectations/features.ts has no entry for ${id} in ${ctx.engine}; add one` };
  }
  return supported
    ? { status: 'pass', why: `${ctx.engine} ${ctx.version} supports it (runner/expectations/features.ts)` }
    : { status: 'unsupported', why: `${ctx.engine} ${ctx.version} does not support it by default (runner/expectations/features.ts)` };
}
