// What the running Node's V8 does with the probes' WebAssembly features: the facts the feature tests
// in Node rely on, in one place, per V8 line, each measured by running the probes under that Node.
// The line is read from process.versions.v8, so the tests assert what the Node running them does;
// a V8 line with no facts here is an error naming it, never a skip (a new Node means measuring it
// and adding its line).

interface V8Facts {
  /** The Node that brings this V8 line, for the messages. */
  node: string;
  /** Shipped by default: these must validate and compute the known answer. */
  shipped: ReadonlySet<string>;
  /** Behind a flag this V8 still takes: with the flag, the probe's known answer must hold. */
  flags: Readonly<Record<string, string>>;
}

const ALWAYS = [
  'features.simd',
  'features.threads',
  'features.bulkMemory',
  'features.referenceTypes',
  'features.multiValue',
  'features.mutableGlobals',
  'features.signExtension',
  'features.saturatedFloatToInt',
  'features.bigInt',
  'features.tailCall',
  'features.exceptions',
  'features.streamingCompilation',
];

const V8_LINES: Readonly<Record<string, V8Facts>> = {
  // Node 24 (the project's Node, package.json), measured 2026-12-06 with Node 24.22.3. Unshipped:
  // acquireRelease, stackSwitching (neither --experimental-wasm-stack-switching nor -wasmfx
  // validates the probe's continuation module), wideArithmetic, typeReflection (flag below).
  '13.6': {
    node: 'Node 24',
    shipped: new Set([
      ...ALWAYS,
      'features.exnref',
      'features.extendedConst',
      'features.gc',
      'features.jspi',
      'features.jsStringBuiltins',
      'features.memory64',
      'features.multiMemory',
      'features.relaxedSimd',
      'features.typedFunctionReferences',
    ]),
    flags: { 'features.typeReflection': '--experimental-wasm-type-reflection' },
  },
  // Node 20, the project's Node before 24. (V8 11.3's typed-funcref, gc and stack-switching flags
  // implement drafts these modules do not match.)
  '11.3': {
    node: 'Node 20',
    shipped: new Set(ALWAYS),
    flags: {
      'features.relaxedSimd': '--experimental-wasm-relaxed-simd',
      'features.extendedConst': '--experimental-wasm-extended-const',
      'features.memory64': '--experimental-wasm-memory64',
      'features.typeReflection': '--experimental-wasm-type-reflection',
    },
  },
};

/** "13.6" of "13.6.233.17-node.63". */
export const V8_LINE = process.versions.v8.split('.').slice(0, 2).join('.');

function factsFor(line: string): V8Facts {
  const facts = V8_LINES[line];
  if (!facts) {
    throw new Error(
      `tests/unit/nodeWasmFeatures.ts has no facts for V8 ${process.versions.v8} (Node ${process.version}); it knows V8 ${Object.keys(V8_LINES).join(', ')}: run the feature probes under this Node and add its line`,
    );
  }
  return facts;
}

const FACTS = factsFor(V8_LINE);
/** Which V8 and Node the facts describe, for test names. */
export const V8_DESCRIBED = `V8 ${V8_LINE} (${FACTS.node})`;
/** What the running V8 ships by default: these must validate and compute the known answer here. */
export const SHIPPED_BY_NODE = FACTS.shipped;
/** Behind flags the running V8 takes: with the flag, the probe's known answer must hold. */
export const V8_FLAGS = FACTS.flags;
/** Compiles here, but Node has no page and so no Content-Security-Policy to run under: unsupported, with a validating module. */
export const NEEDS_A_PAGE = new Set(['features.webContentSecurityPolicy']);
/** Modules whose feature lives in the JS API, so V8 validates them whether or not it has the feature. */
export const JS_API_MODULES = new Set(['features.jspi', 'features.jsStringBuiltins']);
