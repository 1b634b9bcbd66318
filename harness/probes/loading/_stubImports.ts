// An import object that satisfies every import of a module with a stub of the right kind, so the
// loading probes can instantiate the crate's .wasm without wasm-bindgen's glue: they only need
// instantiation to succeed and a pure export (sieveCount) to answer, which calls no import.
// Functions are exact; memories, tables and globals are best effort (their types are only
// readable where the type-reflection proposal ships), which is enough for the crate, whose
// imports are all functions from './wasm_compat_bg.js'.

type Descriptor = WebAssembly.ModuleImportDescriptor & {
  type?: { minimum?: number; maximum?: number; shared?: boolean; element?: string; value?: string; mutable?: boolean };
};

function stub(d: Descriptor): WebAssembly.ImportValue {
  switch (d.kind) {
    case 'memory':
      return new WebAssembly.Memory({
        initial: d.type?.minimum ?? 1,
        ...(d.type?.maximum !== undefined ? { maximum: d.type.maximum } : {}),
        ...(d.type?.shared ? { shared: true } : {}),
      });
    case 'table':
      return new WebAssembly.Table({ initial: d.type?.minimum ?? 0, element: (d.type?.element ?? 'anyfunc') as WebAssembly.TableKind });
    case 'global':
      return new WebAssembly.Global({ value: (d.type?.value ?? 'i32') as WebAssembly.ValueType, mutable: d.type?.mutable ?? false });
    default:
      // Throws if ever called, naming the import: a probe that calls one has a bug to see.
      return () => {
        throw new Error(`stub import ${d.module}.${d.name} was called`);
      };
  }
}

export function stubImports(module: WebAssembly.Module): WebAssembly.Imports {
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const d of WebAssembly.Module.imports(module) as Descriptor[]) {
    (imports[d.module] ??= {})[d.name] = stub(d);
  }
  return imports;
}

/**
 * Stubs for the module at `url`, read from a copy compiled from its bytes: the probes that
 * instantiate from a Response or from bytes in one step must pass the imports up front. Untimed.
 */
export async function stubImportsFor(url: string): Promise<WebAssembly.Imports> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return stubImports(await WebAssembly.compile(bytes));
}

/** The raw crate export the loading probes call: i32 in, i32 out, no glue. */
export function rawSieveCount(instance: WebAssembly.Instance, limit: number): unknown {
  const fn = instance.exports.sieveCount;
  return typeof fn === 'function' ? (fn as (n: number) => number)(limit) : `no sieveCount export (${typeof fn})`;
}
