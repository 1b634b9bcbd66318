// What this Node's V8 (11.3, Node 20) does with the probes' WebAssembly features: the facts the feature
// tests in Node rely on, in one place.
/** What V8 11.3 (Node 20) ships by default: these must validate and compute the known answer here. */
export const SHIPPED_BY_NODE = new Set([
  'features.simd', 'features.threads', 'features.bulkMemory', 'features.referenceTypes', 'features.multiValue', 'features.mutableGlobals',
  'features.signExtension', 'features.saturatedFloatToInt', 'features.bigInt', 'features.tailCall', 'features.exceptions', 'features.streamingCompilation',
]);
/** Compiles here, but Node has no page and so no Content-Security-Policy to run under: unsupported, with a validating module. */
export const NEEDS_A_PAGE = new Set(['features.webContentSecurityPolicy']);
/** Modules whose feature lives in the JS API, so V8 validates them whether or not it has the feature. */
export const JS_API_MODULES = new Set(['features.jspi', 'features.jsStringBuiltins']);
/** Behind V8 11.3 flags that Node 20 still takes: with the flag, the probe's known answer must hold. (V8 11.3's
 * typed-funcref, gc and stack-switching flags implement drafts these modules do not match.) */
export const V8_FLAGS: Record<string, string> = {
  'features.relaxedSimd': '--experimental-wasm-relaxed-simd',
  'features.extendedConst': '--experimental-wasm-extended-const',
  'features.memory64': '--experimental-wasm-memory64',
  'features.typeReflection': '--experimental-wasm-type-reflection',
};
export const V8_11_3 = process.versions.v8.startsWith('11.3.');
export const NOT_V8_11_3 = `this Node runs V8 ${process.versions.v8}; these assertions describe V8 11.3 (Node 20)`;
