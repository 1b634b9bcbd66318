// Types of the modules harness/subjectPlugin.ts makes for the page.
declare module 'virtual:wasm-compat/subject' {
  import type { CrateModule, SubjectInfo } from './probes/probe.ts';
  export const subject: SubjectInfo;
  /** null: the subject builds no .wasm (a library crate). */
  export const wasmUrl: string | null;
  export function loadGlue(): Promise<CrateModule>;
  export function loadGlueImports(): Promise<WebAssembly.Imports | null>;
  export function loadRawExports(): Promise<WebAssembly.Exports | null>;
}
declare module 'virtual:wasm-compat/subject-probes' {
  import type { ProbeDefinition } from './probes/probe.ts';
  const probes: Array<[string, ProbeDefinition]>;
  export default probes;
}
