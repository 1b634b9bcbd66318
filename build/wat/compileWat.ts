// WebAssembly text (.wat) to binary with binaryen, at build time: the probes' modules are written
// as text, and the text is the source. A module names the proposals it uses on a header line,
//   ;; features: simd relaxed-simd
// (the names of wasm-opt's --enable-* flags, or `none`), and binaryen validates it with exactly
// those: a module that strays into another proposal fails to build instead of testing two things.
import type Binaryen from 'binaryen';

type BinaryenModule = typeof Binaryen;

/** wasm-opt's --enable-* names -> binaryen.js's Features keys (read at run time: binaryen 132's
 * index.d.ts still names bit 22 RelaxedAtomics, which the library calls AcquireReleaseAtomics). */
const FEATURES: Record<string, string | null> = {
  none: null,
  'sign-ext': 'SignExt',
  threads: 'Atomics',
  'mutable-globals': 'MutableGlobals',
  'nontrapping-float-to-int': 'NontrappingFPToInt',
  simd: 'SIMD128',
  'bulk-memory': 'BulkMemory',
  'bulk-memory-opt': 'BulkMemoryOpt',
  'exception-handling': 'ExceptionHandling',
  'tail-call': 'TailCall',
  'reference-types': 'ReferenceTypes',
  multivalue: 'Multivalue',
  gc: 'GC',
  memory64: 'Memory64',
  'relaxed-simd': 'RelaxedSIMD',
  'extended-const': 'ExtendedConst',
  strings: 'Strings',
  multimemory: 'MultiMemory',
  'stack-switching': 'StackSwitching',
  'wide-arithmetic': 'WideArithmetic',
  'relaxed-atomics': 'RelaxedAtomics',
  'acquire-release-atomics': 'AcquireReleaseAtomics',
  'call-indirect-overlong': 'CallIndirectOverlong',
};

function featureFlag(binaryen: BinaryenModule, name: string): number {
  const key = FEATURES[name];
  if (key === null) return 0;
  const flag = (binaryen.Features as unknown as Record<string, number | undefined>)[key!];
  if (flag === undefined) throw new Error(`this binaryen has no feature ${key} (for ${name})`);
  return flag;
}

/** The proposals a module's `;; features:` line names. */
export function declaredFeatures(text: string, source: string): string[] {
  const line = /^\s*;;\s*features:(.*)$/m.exec(text);
  if (!line) throw new Error(`${source}: no ";; features: …" line (name the proposals the module uses, or none)`);
  const names = line[1]!.trim().split(/\s+/).filter(Boolean);
  const unknown = names.filter((n) => !(n in FEATURES));
  if (unknown.length || !names.length) throw new Error(`${source}: unknown feature ${unknown.join(', ') || '(empty)'}; known: ${Object.keys(FEATURES).join(', ')}`);
  return names;
}

let loaded: Promise<BinaryenModule> | null = null;

export async function compileWat(text: string, source: string): Promise<Uint8Array<ArrayBuffer>> {
  const binaryen = await (loaded ??= import('binaryen').then((m) => m.default));
  const features = declaredFeatures(text, source).reduce((all, name) => all | featureFlag(binaryen, name), binaryen.Features.MVP);
  let module: Binaryen.Module;
  try {
    module = binaryen.parseText(text);
  } catch (error) {
    throw new Error(`${source}: binaryen cannot parse it: ${(error as Error).message}`);
  }
  try {
    module.setFeatures(features);
    if (!module.validate()) throw new Error(`${source}: does not validate with the features it declares (see binaryen's message above)`);
    const binary = module.emitBinary();
    return new Uint8Array(binary);
  } finally {
    module.dispose();
  }
}

/** A module exporting the bytes, for bundlers and Node's module hooks alike. */
export async function watModuleSource(text: string, source: string): Promise<string> {
  return `export default new Uint8Array([${Array.from(await compileWat(text, source)).join(',')}]);\n`;
}
