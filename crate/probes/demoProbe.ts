// The demo crate's probes call its exports through its glue, wrapped so that a Rust panic reaches
// JS as an error with the panic's message (crate/js/panicMessages.ts), as the demo's own loaders do.
// One wrapper per page: the shadow-stack pointer it restores after a panic is the page instance's.
import { crateProbe, type CrateProbeSpec } from '../../harness/probes/crateProbe.ts';
import type { ProbeDefinition } from '../../harness/probes/probe.ts';
import { withPanicMessages } from '../js/panicMessages.ts';

export type DemoCrate = typeof import('../pkg/wasm_compat.js');

const wrapped = new WeakMap<DemoCrate, DemoCrate>();

export function demoProbe(spec: CrateProbeSpec<DemoCrate>): ProbeDefinition {
  return crateProbe<DemoCrate>({
    title: spec.title,
    run(crate, context) {
      let demo = wrapped.get(crate);
      if (!demo) {
        demo = withPanicMessages(crate, context.rawExports?.__stack_pointer as WebAssembly.Global | undefined);
        wrapped.set(crate, demo);
      }
      return spec.run(demo, context);
    },
  });
}
