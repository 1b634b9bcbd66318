// The rules every crate probe follows (a probe that calls the subject's exports through its JS
// glue): it needs WebAssembly and the subject's module (a library crate has none, so it is not
// run), and where the glue did not load it fails saying why, once here rather than in every file. `M` is the glue's shape as the probe knows it (a crate's own probes name it).
import type { CrateModule, ProbeContext, ProbeDefinition, ProbeOutcome } from './probe.ts';

export interface CrateProbeSpec<M> {
  title: string;
  run(crate: M, context: ProbeContext): Promise<ProbeOutcome>;
}

export function crateProbe<M = CrateModule>(spec: CrateProbeSpec<M>): ProbeDefinition {
  return {
    title: spec.title,
    needsWebAssembly: true,
    needsSubjectModule: true,
    run: async (context) => {
      if (!context.crate)
        return {
          status: 'fail',
          detail: `the subject's glue did not load: ${context.crateError ?? 'no error recorded'}`,
          data: { crateError: context.crateError },
        };
      return spec.run(context.crate as M, context);
    },
  };
}
