// What webassembly.org's features.json says about each proposal a feature probe stands for
// (description, proposal URL, phase): the `features` part of the file matrix/featuresJson.ts
// writes, so the file reads on its own. Copied as data from WebAssembly/website features.json at
// commit 4e9ff7836bb7b7eb30376b39475782c67c1c5c46 (2026-08-21), Apache-2.0, the copy stored in
// tests/fixtures/compat/features.json; tests/unit/featuresTable.test.ts holds each entry to it.
export interface FeatureInfo {
  description: string;
  url: string;
  phase: number | 'inactive';
}

export const FEATURE_INFO: Record<string, FeatureInfo> = {
  acquireReleaseAtomics: { description: 'Acquire-Release Atomics', url: 'https://github.com/WebAssembly/acquire-release-atomics', phase: 2 },
  bigInt: { description: 'JS BigInt to Wasm i64 Integration', url: 'https://github.com/WebAssembly/JS-BigInt-integration', phase: 5 },
  bulkMemory: {
    description: 'Bulk Memory Operations',
    url: 'https://github.com/WebAssembly/bulk-memory-operations/blob/master/proposals/bulk-memory-operations/Overview.md',
    phase: 5,
  },
  exceptions: {
    description: 'Legacy Exception Handling',
    url: 'https://github.com/WebAssembly/exception-handling/blob/master/proposals/exception-handling/legacy/Exceptions.md',
    phase: 'inactive',
  },
  exceptionsFinal: {
    description: 'Exception Handling with exnref',
    url: 'https://github.com/WebAssembly/exception-handling/blob/master/proposals/exception-handling/Exceptions.md',
    phase: 5,
  },
  extendedConst: {
    description: 'Extended Constant Expressions',
    url: 'https://github.com/WebAssembly/extended-const/blob/master/proposals/extended-const/Overview.md',
    phase: 5,
  },
  gc: { description: 'Garbage Collection', url: 'https://github.com/WebAssembly/gc', phase: 5 },
  jsStringBuiltins: {
    description: 'JS String Builtins',
    url: 'https://github.com/WebAssembly/js-string-builtins/blob/main/proposals/js-string-builtins/Overview.md',
    phase: 5,
  },
  jspi: { description: 'JS Promise Integration', url: 'https://github.com/WebAssembly/js-promise-integration', phase: 4 },
  memory64: { description: 'Memory64', url: 'https://github.com/WebAssembly/memory64/blob/master/proposals/memory64/Overview.md', phase: 5 },
  multiMemory: {
    description: 'Multiple Memories',
    url: 'https://github.com/WebAssembly/multi-memory/blob/master/proposals/multi-memory/Overview.md',
    phase: 5,
  },
  multiValue: { description: 'Multi-value', url: 'https://github.com/WebAssembly/spec/blob/master/proposals/multi-value/Overview.md', phase: 5 },
  mutableGlobals: {
    description: 'Import/Export of Mutable Globals',
    url: 'https://github.com/WebAssembly/mutable-global/blob/master/proposals/mutable-global/Overview.md',
    phase: 5,
  },
  referenceTypes: {
    description: 'Reference Types',
    url: 'https://github.com/WebAssembly/reference-types/blob/master/proposals/reference-types/Overview.md',
    phase: 5,
  },
  relaxedSimd: { description: 'Relaxed SIMD', url: 'https://github.com/WebAssembly/relaxed-simd/tree/main/proposals/relaxed-simd', phase: 5 },
  saturatedFloatToInt: {
    description: 'Non-trapping float-to-int Conversions',
    url: 'https://github.com/WebAssembly/spec/blob/master/proposals/nontrapping-float-to-int-conversion/Overview.md',
    phase: 5,
  },
  signExtensions: {
    description: 'Sign-extension Operators',
    url: 'https://github.com/WebAssembly/spec/blob/master/proposals/sign-extension-ops/Overview.md',
    phase: 5,
  },
  simd: { description: 'Fixed-width SIMD', url: 'https://github.com/WebAssembly/simd/blob/master/proposals/simd/SIMD.md', phase: 5 },
  stackSwitching: {
    description: 'Stack Switching',
    url: 'https://github.com/WebAssembly/stack-switching/blob/main/proposals/stack-switching/Explainer.md',
    phase: 3,
  },
  tailCall: { description: 'Tail Call', url: 'https://github.com/WebAssembly/tail-call/blob/master/proposals/tail-call/Overview.md', phase: 5 },
  threads: { description: 'Threads', url: 'https://github.com/WebAssembly/threads/blob/main-legacy/proposals/threads/Overview.md', phase: 4 },
  typeReflection: {
    description: 'Type Reflection for JS API',
    url: 'https://github.com/WebAssembly/js-types/blob/main/proposals/js-types/Overview.md',
    phase: 3,
  },
  typedFunctionReferences: {
    description: 'Typed Function References',
    url: 'https://github.com/WebAssembly/function-references/blob/main/proposals/function-references/Overview.md',
    phase: 5,
  },
  webContentSecurityPolicy: {
    description: 'Web Content Security Policy',
    url: 'https://github.com/WebAssembly/content-security-policy/blob/main/proposals/CSP.md',
    phase: 4,
  },
  wideArithmetic: {
    description: 'Wide Arithmetic',
    url: 'https://github.com/WebAssembly/wide-arithmetic/blob/main/proposals/wide-arithmetic/Overview.md',
    phase: 4,
  },
};
