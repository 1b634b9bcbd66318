// What a module needs, in browsers: each WebAssembly feature the subject's .wasm uses (read by
// subject/moduleFeatures.ts) with the first release of each browser that has it on by default, from
// the feature table (features.ts, with its sources), and the minimum version of each browser that
// runs the whole module. Per project, whether the engine that ran it has every feature, judged
// from that engine's own live feature probes.
import type { ModuleFeatures, ParserFeature } from '../../subject/moduleFeatures.ts';
import { compareVersions } from './engineKey.ts';
import { FEATURE_EXPECTATIONS, type FeatureExpectation } from './features.ts';
import type { ProjectRequirementCheck } from '../compatSchema.ts';
import type { ProbeVerdict } from './verdict.ts';

export type { ProjectRequirementCheck } from '../compatSchema.ts';

/** The browsers a requirement table names, and where each one's version comes from. */
export const BROWSERS = {
  Chrome: { from: (e: FeatureExpectation) => e.chromium, note: 'Chrome for Android follows the same numbers' },
  // Edge has been Chromium since 79 and ships Chromium's WebAssembly with the same major version.
  Edge: {
    from: (e: FeatureExpectation) => (e.chromium === null ? null : compareVersions(e.chromium, '79') < 0 ? '79' : e.chromium),
    note: 'Chromium-based Edge (79+), whose majors follow Chromium; EdgeHTML is not tracked',
  },
  Firefox: { from: (e: FeatureExpectation) => e.firefox, note: 'Firefox for Android follows the same numbers' },
  Safari: { from: (e: FeatureExpectation) => e.webkit, note: 'desktop Safari' },
  'Safari on iOS': {
    from: (e: FeatureExpectation) => e.safariIos ?? e.webkit,
    note: 'Safari on iOS and every iOS browser (they all use WebKit); the same version as desktop Safari unless the table says otherwise',
  },
  WebKitGTK: { from: (e: FeatureExpectation) => e.webkitgtk, note: 'observed here, not a documented first release' },
} as const;
export type Browser = keyof typeof BROWSERS;
export const BROWSER_NAMES = Object.keys(BROWSERS) as Browser[];

/** Which feature probe (and features.ts row) stands for each proposal the parser reports; null: none does. */
const PROBE_OF: Record<ParserFeature | 'js_bigint_integration', string | null> = {
  mutable_global: 'features.mutableGlobals',
  saturating_float_to_int: 'features.saturatedFloatToInt',
  sign_extension: 'features.signExtension',
  reference_types: 'features.referenceTypes',
  multi_value: 'features.multiValue',
  bulk_memory: 'features.bulkMemory',
  simd: 'features.simd',
  relaxed_simd: 'features.relaxedSimd',
  threads: 'features.threads',
  tail_call: 'features.tailCall',
  multi_memory: 'features.multiMemory',
  // wasmparser's "exceptions" is the exnref encoding; "legacy_exceptions" is try/catch, which the suite's exceptions probe tests.
  exceptions: 'features.exnref',
  legacy_exceptions: 'features.exceptions',
  memory64: 'features.memory64',
  extended_const: 'features.extendedConst',
  function_references: 'features.typedFunctionReferences',
  gc: 'features.gc',
  stack_switching: 'features.stackSwitching',
  wide_arithmetic: 'features.wideArithmetic',
  acquire_release_atomics: 'features.acquireRelease',
  js_bigint_integration: 'features.bigInt',
  shared_everything_threads: null,
  memory_control: null,
  custom_page_sizes: null,
  custom_descriptors: null,
  multibyte_array_access: null,
};

/** A browser's first version for a feature: a version, null (no release has it on by default), or 'unknown' (no table entry). */
export type FirstVersion = string | null | 'unknown';

export interface Requirement {
  /** wasmparser's name, or js_bigint_integration for i64 at the JS boundary. */
  feature: ParserFeature | 'js_bigint_integration';
  /** The feature probe and features.ts row that stand for it, or null. */
  probe: string | null;
  /** Why the module needs it: the validator's message with the feature off, or the boundary functions. */
  evidence: string;
  versions: Record<Browser, FirstVersion>;
  source: string | null;
}

/** 'any': the module uses no feature beyond the first WebAssembly release. */
export type MinimumVersion = FirstVersion | 'any';

export interface Requirements {
  features: Requirement[];
  /** Per browser: the first version that runs the module, and the features that set it. */
  minimum: Record<Browser, { version: MinimumVersion; limitedBy: string[] }>;
}

function requirement(feature: Requirement['feature'], evidence: string): Requirement {
  const probe = PROBE_OF[feature];
  const entry = probe ? (FEATURE_EXPECTATIONS as Record<string, FeatureExpectation | undefined>)[probe] : undefined;
  const versions = Object.fromEntries(BROWSER_NAMES.map((b) => [b, entry ? BROWSERS[b].from(entry) : 'unknown'])) as Record<Browser, FirstVersion>;
  return { feature, probe, evidence, versions, source: entry?.source ?? null };
}

/** The later of two first versions: null (never) and 'unknown' outrank any version. */
function later(a: FirstVersion, b: FirstVersion): FirstVersion {
  if (a === null || b === null) return null;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return compareVersions(a, b) >= 0 ? a : b;
}

export function requirementsOf(module: ModuleFeatures): Requirements {
  const features = module.features.map((f) => {
    const evidence =
      f.name === 'reference_types' && module.referenceTypesOnlyForCallIndirectEncoding
        ? `only for call_indirect's overlong table index (LLVM's encoding once reference-types is on, Rust 1.82+): ${f.evidence}`
        : f.evidence;
    return requirement(f.name, evidence);
  });
  if (module.i64AtBoundary.length > 0) {
    const shown = module.i64AtBoundary.slice(0, 3).join(', ') + (module.i64AtBoundary.length > 3 ? ` and ${module.i64AtBoundary.length - 3} more` : '');
    features.push(requirement('js_bigint_integration', `i64 crosses the JS boundary (as BigInt) in ${shown}`));
  }
  const minimum = Object.fromEntries(
    BROWSER_NAMES.map((b) => {
      if (features.length === 0) return [b, { version: 'any', limitedBy: [] }];
      const version = features.map((f) => f.versions[b]).reduce(later);
      return [b, { version, limitedBy: features.filter((f) => f.versions[b] === version).map((f) => f.feature) }];
    }),
  ) as Requirements['minimum'];
  return { features, minimum };
}

/** The needed features as compat.json stores them (names as strings): a stored subject's requirements judge as well as fresh ones. */
type StoredFeatures = { features: Array<Pick<Requirement, 'probe'> & { feature: string }> };

/** Whether the engine of one project runs the module, from its own feature probes' verdicts. */
export function checkProject(requirements: StoredFeatures, probes: Pick<ProbeVerdict, 'id' | 'actual'>[]): ProjectRequirementCheck {
  const missing: ProjectRequirementCheck['missing'] = [];
  const unjudged: string[] = [];
  for (const f of requirements.features) {
    const seen = f.probe ? probes.find((p) => p.id === f.probe) : undefined;
    if (!seen) unjudged.push(f.feature);
    else if (seen.actual !== 'pass') missing.push({ feature: f.feature, probe: seen.id, actual: seen.actual });
  }
  return { runs: missing.length === 0 && unjudged.length === 0, missing, unjudged };
}

const asFirst = (v: MinimumVersion): FirstVersion => (v === 'any' ? '0' : v);

/** The browsers whose minimum version rises, or which no longer run the module at all, from `before` to `after`. */
export function droppedBrowsers(before: Requirements, after: Requirements): Array<{ browser: Browser; from: MinimumVersion; to: MinimumVersion }> {
  return BROWSER_NAMES.filter((b) => later(asFirst(before.minimum[b].version), asFirst(after.minimum[b].version)) !== asFirst(before.minimum[b].version)).map(
    (b) => ({
      browser: b,
      from: before.minimum[b].version,
      to: after.minimum[b].version,
    }),
  );
}

/** The committed record of what a subject's module needs (npm run requirements -- --write). */
export interface RequirementsBaseline {
  subject: string;
  features: string[];
  minimum: Record<string, MinimumVersion>;
}

export function toBaseline(subject: string, requirements: Requirements): RequirementsBaseline {
  return {
    subject,
    features: requirements.features.map((f) => f.feature),
    minimum: Object.fromEntries(BROWSER_NAMES.map((b) => [b, requirements.minimum[b].version])),
  };
}

export interface RequirementsChange {
  /** Features the module needs now and the baseline does not list: a failure. */
  added: Requirement[];
  /** Features the baseline lists and the module no longer needs. */
  removed: string[];
  /** Browsers the change drops or raises, each with its minimum before and after. */
  dropped: Array<{ browser: string; from: MinimumVersion; to: MinimumVersion }>;
}

export function compareWithBaseline(baseline: RequirementsBaseline, current: Requirements): RequirementsChange {
  const added = current.features.filter((f) => !baseline.features.includes(f.feature));
  const removed = baseline.features.filter((name) => !current.features.some((f) => f.feature === name));
  const dropped = BROWSER_NAMES.filter((b) => {
    const before = asFirst(baseline.minimum[b] ?? 'unknown');
    return later(before, asFirst(current.minimum[b].version)) !== before;
  }).map((b) => ({ browser: b, from: baseline.minimum[b] ?? 'unknown', to: current.minimum[b].version }));
  return { added, removed, dropped };
}

const shownVersion = (v: MinimumVersion): string => (v === null ? 'none' : v);

/** One line per finding of a failed check: the new feature and the browser versions it drops. */
export function describeChange(subject: string, change: RequirementsChange): string[] {
  const lines = change.added.map(
    (f) =>
      `${subject} newly needs ${f.feature}${f.probe ? ` (${f.probe})` : ''}: first in ${BROWSER_NAMES.map((b) => `${b} ${shownVersion(f.versions[b])}`).join(', ')}. Evidence: ${f.evidence}`,
  );
  if (change.dropped.length > 0) {
    lines.push(
      `it drops: ${change.dropped.map((d) => `${d.browser} ${shownVersion(d.from)} → ${d.to === null ? 'no release runs it' : `needs ${d.to}`}`).join('; ')}`,
    );
  }
  return lines;
}
