// The rules every crate probe follows (a probe that calls the subject crate's exports through its
// JS glue): it needs WebAssembly, and where the crate did not load it fails saying why, once here
// rather than in every file.
import type { CrateModule, ProbeContext, ProbeDefinition, ProbeOutcome } from './probe.ts';

export interface CrateProbeSpec {
  title: string;
  run(crate: CrateModule, context: ProbeContext): Promise<ProbeOutcome>;
}

export function crateProbe(spec: CrateProbeSpec): ProbeDefinition {
  return {
    title: spec.title,
    needsWebAssembly: true,
    run: async (context) => {
      if (!context.crate) return { status: 'fail', detail: `the crate module did not load: ${context.crateError ?? 'no error recorded'}`, data: { crateError: context.crateError } };
      return spec.run(context.crate, context);
    },
  };
}
