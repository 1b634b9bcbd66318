// What the loading probes instantiate the subject's .wasm with, and how they judge the instance,
// whatever the subject exports. Imports come from the subject's own glue where the page has them
// (the bundler target's <stem>_bg.js): a .wasm whose imports its glue lacks comes from another
// build than its glue (a stale file on a CDN), which is a failure to name, not to stub over. Where
// the glue keeps its imports to itself (web target), stubs of the right kind stand in.
import type { ProbeContext } from '../probe.ts';
import { stubImports } from './_stubImports.ts';

export interface SubjectImports {
  imports: WebAssembly.Imports;
  /** 'glue' or 'stubs': where the functions came from. */
  from: 'glue' | 'stubs';
  count: number;
  /** Imports the module declares that the glue does not provide. */
  missing: string[];
}

export function subjectImports(module: WebAssembly.Module, context: Pick<ProbeContext, 'glueImports'>): SubjectImports {
  const declared = WebAssembly.Module.imports(module);
  if (!context.glueImports) return { imports: stubImports(module), from: 'stubs', count: declared.length, missing: [] };
  const glue = context.glueImports as Record<string, Record<string, unknown> | undefined>;
  const missing = declared.filter((d) => glue[d.module]?.[d.name] === undefined).map((d) => `${d.module}.${d.name}`);
  return { imports: context.glueImports, from: 'glue', count: declared.length, missing };
}

/** Imports for the module at `url`, read from a copy compiled from its bytes (untimed; the probes that instantiate in one step pass imports up front). */
export async function subjectImportsFor(url: string, context: Pick<ProbeContext, 'glueImports'>): Promise<SubjectImports> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return subjectImports(await WebAssembly.compile(bytes), context);
}

/** Why the glue cannot link the module, or null. */
export function glueMismatch(imports: SubjectImports): string | null {
  if (imports.missing.length === 0) return null;
  const shown = imports.missing.slice(0, 3).join(', ') + (imports.missing.length > 3 ? ` and ${imports.missing.length - 3} more` : '');
  return `the .wasm imports ${shown}, which its JS glue does not provide: the .wasm and the glue come from different builds`;
}

/** What is wrong with an instance against its module's declared exports (nothing, for a sound engine and file). */
export function instanceProblems(instance: WebAssembly.Instance, module: WebAssembly.Module): string[] {
  const problems: string[] = [];
  for (const e of WebAssembly.Module.exports(module)) {
    const value = instance.exports[e.name];
    const ok =
      e.kind === 'function'
        ? typeof value === 'function'
        : e.kind === 'memory'
          ? value instanceof WebAssembly.Memory && value.buffer.byteLength > 0
          : e.kind === 'table'
            ? value instanceof WebAssembly.Table
            : e.kind === 'global'
              ? value instanceof WebAssembly.Global
              : value !== undefined;
    if (!ok) problems.push(`export ${e.name} (${e.kind}) is ${value === undefined ? 'missing' : typeof value}`);
  }
  return problems;
}

/** One phrase for a detail line: how many exports, and where the imports came from. */
export function describeLink(module: WebAssembly.Module, imports: SubjectImports): string {
  return `${WebAssembly.Module.exports(module).length} exports, ${imports.count} imports from ${imports.from === 'glue' ? "the subject's glue" : 'stubs (the glue keeps its imports to itself)'}`;
}
