// Which engine releases support each WebAssembly feature by default, as data with its source.
//
// A value is the first release with the feature on by default: Chromium major, Firefox major,
// Safari version (Playwright's WebKit build follows Safari's numbers), WebKitGTK 2.x; null means no
// released version has it on by default. Sources:
// - FEATURES_JSON: webassembly.org/features, i.e. WebAssembly/website features.json as of commit
//   4e9ff7836bb7b7eb30376b39475782c67c1c5c46 (2026-08-21; the copy in tests/fixtures/compat/features.json;
//   Chrome, Firefox, Safari columns; a "flag" entry or a missing key counts as null).
// - Engine release notes where the table lags (named per entry).
// - Where features.json has no key (streaming compilation): MDN's
//   browser-compat-data, or the proposal's own status (named per entry).
// - WebKitGTK is not a column there. Its entries are what we measured on WebKitGTK 2.50.6 (the
//   harness in MiniBrowser under WebKitWebDriver), marked in `observed`: support before the observed
//   release, or after it where it was absent, is unknown here, and expectedSupport says undefined.
// Measured on 2026-11-27 with the feature probes (harness/probes/features/): Chromium 156.0.8078.108,
// Firefox ESR 153.8.0, WebKitGTK 2.50.6 agreed with every entry below. Measured again on 2026-11-29
// with the entries added then (typedFunctionReferences, wideArithmetic, stackSwitching, acquireRelease,
// streamingCompilation, webContentSecurityPolicy), in the chromium, firefox, webkit, pixel5 and
// iphone12 projects (pixel5 is Chromium 156, iphone12 WebKitGTK 2.50.6, emulated): all agreed.
import { compareVersions, type EngineKey } from './engineKey.ts';

export interface FeatureExpectation {
  chromium: string | null;
  firefox: string | null;
  webkit: string | null;
  webkitgtk: string | null;
  /** Safari on iOS, where it differs from desktop Safari (`webkit`). */
  safariIos?: string;
  source: string;
  note?: string;
  /** Engines whose entry is a measurement here, not a documented release: engine -> version measured. */
  observed?: Partial<Record<EngineKey, string>>;
  /** Where it is off by default but documented behind a flag: engine -> the flag (features.json's "flag"). */
  flag?: Partial<Record<EngineKey, string>>;
}

const FEATURES_JSON = 'webassembly.org/features (WebAssembly/website features.json @4e9ff78)';
const WEBKITGTK = '2.50.6';
/** Measured on WebKitGTK 2.50.6 here: present there (first release unknown) or absent there (later ones unknown). */
const observedOnWebKitGtk = { observed: { webkitgtk: WEBKITGTK } } as const;
const webKitGtkNote = (date: string) => `WebKitGTK: observed on WebKitGTK ${WEBKITGTK} here, ${date}`;
const WEBKITGTK_NOTE = webKitGtkNote('2026-11-27');
/** Proposals that no engine documents as on by default on this date: null everywhere, which the measurements here bear out. */
const NOT_SHIPPED = 'no engine documents it on by default as of 2026-11-29';

export const FEATURE_EXPECTATIONS: Record<string, FeatureExpectation> = {
  'features.simd': {
    chromium: '91',
    firefox: '89',
    webkit: '16.4',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `iOS 16.4 validated SIMD but computed some results wrong until iOS 17 (hence the known-answer lanes in the probe). ${WEBKITGTK_NOTE}`,
  },
  'features.relaxedSimd': {
    chromium: '114',
    firefox: '145',
    webkit: null,
    webkitgtk: null,
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Safari: behind the JavaScriptCore flag useWebAssemblyRelaxedSIMD. ${WEBKITGTK_NOTE}`,
    flag: { webkit: 'the JavaScriptCore flag useWebAssemblyRelaxedSIMD' },
  },
  'features.threads': {
    chromium: '74',
    firefox: '79',
    webkit: '14.1',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note:
      'Needs a cross-origin isolated page (COOP + COEP) in Chromium 92+, Firefox 79+ and Safari 15.2+. ' +
      `WebKitGTK hides the SharedArrayBuffer global even when isolated, so wasm-feature-detect's threads() says false there while shared wasm memory works. ${WEBKITGTK_NOTE}`,
  },
  'features.bulkMemory': {
    chromium: '75',
    firefox: '79',
    webkit: '15',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.referenceTypes': {
    chromium: '96',
    firefox: '79',
    webkit: '15',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.multiValue': {
    chromium: '85',
    firefox: '78',
    webkit: '13.1',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.mutableGlobals': {
    chromium: '74',
    firefox: '61',
    webkit: '13.1',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.signExtension': {
    chromium: '74',
    firefox: '62',
    webkit: '14.1',
    safariIos: '14.5',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Safari: desktop 14.1, iOS 14.5. ${WEBKITGTK_NOTE}`,
  },
  'features.saturatedFloatToInt': {
    chromium: '75',
    firefox: '64',
    webkit: '15',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.bigInt': {
    chromium: '85',
    firefox: '78',
    webkit: '15',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Safari: the i64<->BigInt boundary works since 14.1 (iOS 14.5); the table says 15, when BigInt64Array arrived. ${WEBKITGTK_NOTE}`,
  },
  'features.tailCall': {
    chromium: '112',
    firefox: '121',
    webkit: '18.2',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.exceptions': {
    chromium: '95',
    firefox: '100',
    webkit: '15.2',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `The legacy try/catch encoding (phase "inactive"), still accepted by all three engines. ${WEBKITGTK_NOTE}`,
  },
  'features.exnref': {
    chromium: '137',
    firefox: '131',
    webkit: '18.4',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.gc': { chromium: '119', firefox: '120', webkit: '18.2', webkitgtk: '2.50', source: FEATURES_JSON, ...observedOnWebKitGtk, note: WEBKITGTK_NOTE },
  'features.memory64': {
    chromium: '133',
    firefox: '134',
    webkit: null,
    webkitgtk: null,
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Safari: no entry in the table. ${WEBKITGTK_NOTE}`,
  },
  'features.multiMemory': {
    chromium: '120',
    firefox: '125',
    webkit: null,
    webkitgtk: null,
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Safari: no entry in the table. ${WEBKITGTK_NOTE}`,
  },
  'features.extendedConst': {
    chromium: '114',
    firefox: '112',
    webkit: '17.4',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: WEBKITGTK_NOTE,
  },
  'features.jspi': {
    chromium: '137',
    firefox: '153',
    webkit: null,
    webkitgtk: null,
    ...observedOnWebKitGtk,
    source: `${FEATURES_JSON}; Firefox: Firefox 153 release notes (MDN), bugzilla.mozilla.org/show_bug.cgi?id=2044809`,
    note:
      'The table still lists Firefox behind javascript.options.wasm_js_promise_integration; observed on by default on Firefox ESR 153.8 here, 2026-11-27. ' +
      `Safari: Technology Preview only. ${WEBKITGTK_NOTE}`,
  },
  'features.typeReflection': {
    chromium: null,
    firefox: null,
    webkit: null,
    webkitgtk: null,
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Behind flags in every engine (Chromium: chrome://flags experimental WebAssembly features). ${WEBKITGTK_NOTE}`,
    flag: { chromium: 'chrome://flags/#enable-experimental-webassembly-features', firefox: '--enable-wasm-type-reflections (Beta/Release)' },
  },
  'features.jsStringBuiltins': {
    chromium: '130',
    firefox: '134',
    webkit: '26.2',
    webkitgtk: null,
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Absent on WebKitGTK 2.50 (the Safari 26.0 generation); the WebKitGTK release that carries Safari 26.2's support is not established here. ${WEBKITGTK_NOTE}`,
  },
  'features.typedFunctionReferences': {
    chromium: '119',
    firefox: '120',
    webkit: '18',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note: `Chromium and Firefox shipped it in the same release as GC. ${webKitGtkNote('2026-11-29')}`,
  },
  'features.wideArithmetic': {
    chromium: null,
    firefox: null,
    webkit: null,
    webkitgtk: null,
    ...observedOnWebKitGtk,
    source: `${FEATURES_JSON}: a phase 4 proposal, behind a flag in Chrome, Firefox and Safari; ${NOT_SHIPPED}`,
    note: `Chromium 156 has it behind --js-flags=--wasm-wide-arithmetic (the probe's known answer holds with it, measured here 2026-11-29). ${webKitGtkNote('2026-11-29')}`,
    flag: { chromium: '--js-flags=--wasm-wide-arithmetic' },
  },
  'features.stackSwitching': {
    chromium: null,
    firefox: null,
    webkit: null,
    webkitgtk: null,
    ...observedOnWebKitGtk,
    source: `${FEATURES_JSON}: a phase 3 proposal with no browser entry; ${NOT_SHIPPED}`,
    note: `Chromium 156 has it behind --js-flags=--wasm-wasmfx (the probe's known answer holds with it, measured here 2026-11-29). ${webKitGtkNote('2026-11-29')}`,
    flag: { chromium: '--js-flags=--wasm-wasmfx' },
  },
  'features.acquireRelease': {
    chromium: null,
    firefox: null,
    webkit: null,
    webkitgtk: null,
    ...observedOnWebKitGtk,
    source: `${FEATURES_JSON} (acquireReleaseAtomics, behind a flag in Chrome); the Acquire-Release Atomics proposal (github.com/WebAssembly/acquire-release-atomics, formerly Relaxed Atomics): ${NOT_SHIPPED}`,
    note:
      'Needs a cross-origin isolated page for its shared memory, like threads. ' +
      `Chromium 156 has it behind --js-flags=--wasm-acquire-release (the probe's known answer holds with it, measured here 2026-11-29; features.json names --experimental-wasm-acquire-release). ${webKitGtkNote('2026-11-29')}`,
    flag: { chromium: '--js-flags=--experimental-wasm-acquire-release' },
  },
  'features.streamingCompilation': {
    chromium: '61',
    firefox: '58',
    webkit: '15',
    webkitgtk: '2.50',
    ...observedOnWebKitGtk,
    source: 'Not in features.json; MDN browser-compat-data, webassembly.api.compileStreaming_static',
    note: `The probe compiles an in-memory Response, so the server plays no part (loading.compileStreaming covers serving). ${webKitGtkNote('2026-11-29')}`,
  },
  'features.webContentSecurityPolicy': {
    chromium: '97',
    firefox: '102',
    webkit: '16',
    webkitgtk: '2.50',
    source: FEATURES_JSON,
    ...observedOnWebKitGtk,
    note:
      "The probe instantiates the module in two frames of the page, one under script-src 'self' (it must be refused) and one under script-src 'wasm-unsafe-eval' (it must run): " +
      "an engine that applies no CSP to WebAssembly, or does not know 'wasm-unsafe-eval', reports unsupported. The frames inherit the page's policy, so it decides under any page policy that lets WebAssembly run; " +
      `WebKit refuses at instantiation, not compilation (WebKitGTK 2.50.6 here, 2026-12-06). ${webKitGtkNote('2026-11-29')}`,
  },
};

/** An engine family's column: the first version with the feature on by default, null for none yet, undefined for no column. */
function firstVersion(entry: FeatureExpectation, engine: EngineKey): string | null | undefined {
  const column = (entry as unknown as Record<string, unknown>)[engine];
  return typeof column === 'string' || column === null ? column : undefined;
}

/**
 * Should `engine` at `version` support the feature by default? undefined: the table cannot say
 * (an unknown feature id, an unparsable version, or a version on the unknown side of an observation).
 */
export function expectedSupport(featureId: string, engine: EngineKey, version: string): boolean | undefined {
  const entry = (FEATURE_EXPECTATIONS as Record<string, FeatureExpectation | undefined>)[featureId];
  if (!entry || !/^\d/.test(version)) return undefined;
  const first = firstVersion(entry, engine);
  // A family with no column here (a descriptor added without its expectations): the table cannot say.
  if (first === undefined) return undefined;
  const observedAt = entry.observed?.[engine];
  if (first === null) return observedAt && compareVersions(version, observedAt) > 0 ? undefined : false;
  if (compareVersions(version, first) >= 0) return true;
  return observedAt ? undefined : false;
}
