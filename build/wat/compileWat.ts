// WebAssembly text (.wat) to binary with binaryen, at build time: the probes' modules are written
// as text, and the text is the source. A module names the proposals it uses on a header line,
//   ;; features: simd relaxed-simd
// (the names of wasm-opt's --enable-* flags, or `none`), and binaryen validates it with exactly
// those: a module that strays into another proposal fails to build instead of testing two things.
// binaryen itself runs in binaryenWorker.mjs (it says why).
import { Worker } from 'node:worker_threads';

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

/** The proposals a module's `;; features:` line names. */
export function declaredFeatures(text: string, source: string): string[] {
  const line = /^\s*;;\s*features:(.*)$/m.exec(text);
  if (!line) throw new Error(`${source}: no ";; features: …" line (name the proposals the module uses, or none)`);
  const names = line[1]!.trim().split(/\s+/).filter(Boolean);
  const unknown = names.filter((n) => !(n in FEATURES));
  if (unknown.length || !names.length)
    throw new Error(`${source}: unknown feature ${unknown.join(', ') || '(empty)'}; known: ${Object.keys(FEATURES).join(', ')}`);
  return names;
}

interface Answer {
  id: number;
  bytes?: Uint8Array<ArrayBuffer>;
  error?: string;
}

let worker: Worker | null = null;
const pending = new Map<number, (answer: Answer) => void>();
let nextId = 0;

function binaryenWorker(): Worker {
  if (worker) return worker;
  // No loaders in the worker: execArgv empty, so tsx (if this process runs under it) stays out.
  const started = new Worker(new URL('./binaryenWorker.mjs', import.meta.url), { execArgv: [] });
  started.on('message', (answer: Answer) => {
    pending.get(answer.id)?.(answer);
    pending.delete(answer.id);
    if (!pending.size) started.unref();
  });
  started.on('error', (error) => {
    for (const settle of pending.values()) settle({ id: -1, error: `binaryen's worker failed: ${error.message}` });
    pending.clear();
    worker = null;
  });
  worker = started;
  return started;
}

export async function compileWat(text: string, source: string): Promise<Uint8Array<ArrayBuffer>> {
  const features = declaredFeatures(text, source).flatMap((name) => FEATURES[name] ?? []);
  const id = nextId++;
  const answer = await new Promise<Answer>((settle) => {
    const w = binaryenWorker();
    w.ref();
    pending.set(id, settle);
    w.postMessage({ id, text, source, features });
  });
  if (answer.error || !answer.bytes) throw new Error(answer.error ?? `${source}: binaryen gave no bytes`);
  return new Uint8Array(answer.bytes);
}

/** A module exporting the bytes, for bundlers and Node's module hooks alike. */
export async function watModuleSource(text: string, source: string): Promise<string> {
  return `export default new Uint8Array([${Array.from(await compileWat(text, source)).join(',')}]);\n`;
}
