// Which engine releases support each WebAssembly feature by default, as data with its source.
//
// A value is the first release with the feature on by default: Chromium major, Firefox major,
// Safari version (Playwright's WebKit build follows Safari's numbers), WebKitGTK 2.x; null means no
// released version has it on by default. Sources:
// - FEATURES_JSON: webassembly.org/features, i.e. WebAssembly/website features.json as of commit
//   01155aca18c2306aee352d202b3156d2980ea1b5 (Chrome, Firefox, Safari columns; a "flag" entry or a
//   missing key counts as null).
// - Engine release notes where the table lags (named per entry).
// - WebKitGTK is not a column there. Its entries are what we measured on WebKitGTK 2.50.6 (the
//   harness in MiniBrowser under WebKitWebDriver), marked in `observed`: support before the observed
//   release, or after it where it was absent, is unknown here, and expectedSupport says undefined.
// Measured on 2026-11-27 with the feature probes (harness/src/probes/features/): Chromium 156.0.8078.108,
// Firefox ESR 153.8.0, WebKitGTK 2.50.6 agreed with every entry below.
import { compareVersions, type EngineKey } from './engineKey.ts';

export type FeatureId = keyof typeof FEATURES_JSON_KEY;

export interface FeatureExpectation {
  chromium: string | null;
  firefox: string | null;
  webkit: string | null;
  webkitgtk: string | null;
  source: string;
  note?: string;
  /** Engines whose entry is a measurement here, not a documented release: engine -> version measured. */
  observed?: Partial<Record<EngineKey, string>>;
}

/** Feature probe id -> the key webassembly.org's features.json uses, so a run can be written in that shape. */
export const FEATURES_JSON_KEY = {
  'feature.simd': 'simd',
  'feature.relaxedSimd': 'relaxedSimd',
  'feature.threads': 'threads',
  'feature.bulkMemory': 'bulkMemory',
  'feature.referenceTypes': 'referenceTypes',
  'feature.multiValue': 'multiValue',
  'feature.mutableGlobals': 'mutableGlobals',
  'feature.signExtension': 'signExtensions',
  'feature.saturatedFloatToInt': 'saturatedFloatToInt',
  'feature.bigInt': 'bigInt',
  'feature.tailCall': 'tailCall',
  'feature.exceptions': 'exceptions',
  'feature.exnref': 'exceptionsFinal',
  'feature.gc': 'gc',
  'feature.memory64': 'memory64',
  'feature.multiMemory': 'multiMemory',
  'feature.extendedConst': 'extendedConst',
  'feature.jspi': 'jspi',
  'feature.typeReflection': 'typeReflection',
  'feature.jsStringBuiltins': 'jsStringBuiltins',
} as const;

const FEATURES_JSON = 'webassembly.org/features (WebAssembly/website features.json @01155ac)';
const WEBKITGTK = '2.50.6';
/** Measured on WebKitGTK 2.50.6 here, 2026-11-27: present there (first release unknown) or absent there (later ones unknown). */
const observedOnWebKitGtk = { observed: { webkitgtk: WEBKITGTK } } as const;
const WEBKITGTK_NOTE = `WebKitGTK: observed on WebKitGTK ${WEBKITGTK} here, 2026-11-27`;

export const FEATURE_EXPECTATIONS: Record<FeatureId, FeatureExpectation> = {
  'feature.simd': {
    chromium: '91', firefox: '89', webkit: '16.4', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `iOS 16.4 validated SIMD but computed some results wrong until iOS 17 (hence the known-answer lanes in the probe). ${WEBKITGTK_NOTE}`,
  },
  'feature.relaxedSimd': {
    chromium: '114', firefox: '145', webkit: null, webkitgtk: null, source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Safari: behind the JavaScriptCore flag useWebAssemblyRelaxedSIMD. ${WEBKITGTK_NOTE}`,
  },
  'feature.threads': {
    chromium: '74', firefox: '79', webkit: '14.1', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: 'Needs a cross-origin isolated page (COOP + COEP) in Chromium 92+, Firefox 79+ and Safari 15.2+. ' +
      `WebKitGTK hides the SharedArrayBuffer global even when isolated, so wasm-feature-detect's threads() says false there while shared wasm memory works. ${WEBKITGTK_NOTE}`,
  },
  'feature.bulkMemory': { chromium: '75', firefox: '79', webkit: '15', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.referenceTypes': { chromium: '96', firefox: '79', webkit: '15', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.multiValue': { chromium: '85', firefox: '78', webkit: '13.1', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.mutableGlobals': { chromium: '74', firefox: '61', webkit: '13.1', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.signExtension': {
    chromium: '74', firefox: '62', webkit: '14.1', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Safari: desktop 14.1, iOS 14.5. ${WEBKITGTK_NOTE}`,
  },
  'feature.saturatedFloatToInt': { chromium: '75', firefox: '64', webkit: '15', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.bigInt': {
    chromium: '85', firefox: '78', webkit: '15', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Safari: the i64<->BigInt boundary works since 14.1 (iOS 14.5); the table says 15, when BigInt64Array arrived. ${WEBKITGTK_NOTE}`,
  },
  'feature.tailCall': { chromium: '112', firefox: '121', webkit: '18.2', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.exceptions': {
    chromium: '95', firefox: '100', webkit: '15.2', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `The legacy try/catch encoding (phase "inactive"), still accepted by all three engines. ${WEBKITGTK_NOTE}`,
  },
  'feature.exnref': { chromium: '137', firefox: '131', webkit: '18.4', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.gc': { chromium: '119', firefox: '120', webkit: '18.2', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.memory64': {
    chromium: '133', firefox: '134', webkit: null, webkitgtk: null, source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Safari: no entry in the table. ${WEBKITGTK_NOTE}`,
  },
  'feature.multiMemory': {
    chromium: '120', firefox: '125', webkit: null, webkitgtk: null, source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Safari: no entry in the table. ${WEBKITGTK_NOTE}`,
  },
  'feature.extendedConst': { chromium: '114', firefox: '112', webkit: '17.4', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'feature.jspi': {
    chromium: '137', firefox: '153', webkit: null, webkitgtk: null, ...observedOnWebKitGtk,
    source: `${FEATURES_JSON}; Firefox: Firefox 153 release notes (MDN), bugzilla.mozilla.org/show_bug.cgi?id=2044809`,
    note: 'The table still lists Firefox behind javascript.options.wasm_js_promise_integration; observed on by default on Firefox ESR 153.8 here, 2026-11-27. ' +
      `Safari: Technology Preview only. ${WEBKITGTK_NOTE}`,
  },
  'feature.typeReflection': {
    chromium: null, firefox: null, webkit: null, webkitgtk: null, source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Behind flags in every engine (Chromium: chrome://flags experimental WebAssembly features). ${WEBKITGTK_NOTE}`,
  },
  'feature.jsStringBuiltins': {
    chromium: '130', firefox: '134', webkit: '26.2', webkitgtk: null, source: FEATURES_JSON, ...observedOnWebKitGtk,
    note: `Absent on WebKitGTK 2.50 (the Safari 26.0 generation); the WebKitGTK release that carries Safari 26.2's support is not established here. ${WEBKITGTK_NOTE}`,
  },
};

/**
 * Should `engine` at `version` support the feature by default? undefined: the table cannot say
 * (an unknown feature id, an unparsable version, or a version on the unknown side of an observation).
 */
export function expectedSupport(featureId: string, engine: EngineKey, version: string): boolean | undefined {
  const entry = (FEATURE_EXPECTATIONS as Record<string, FeatureExpectation | undefined>)[featureId];
  if (!entry || !/^\d/.test(version)) return undefined;
  const first = entry[engine];
  const observedAt = entry.observed?.[engine];
  if (first === null) return observedAt && compareVersions(version, observedAt) > 0 ? undefined : false;
  if (compareVersions(version, first) >= 0) return true;
  return observedAt ? undefined : false;
}

/** One run's feature results in features.json's shape: { simd: true, gc: false, ... }. */
export function asFeaturesJson(results: ReadonlyArray<{ id: string; status: string }>): Record<string, boolean> {
  const keys = FEATURES_JSON_KEY as Record<string, string | undefined>;
  return Object.fromEntries(results.flatMap((r) => (keys[r.id] ? [[keys[r.id], r.status === 'pass'] as const] : [])));
}
