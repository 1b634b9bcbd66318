// The one contract every probe follows. A probe runs inside the page, never throws (a thrown error
// becomes status 'fail' with the error as detail), and reports what it saw; whether that is what an
// engine should do is decided by the specs, against tests/expectations/.

export type ProbeCategory = 'loading' | 'execution' | 'memory' | 'errors' | 'features' | 'limits' | 'environment' | 'serving';

/**
 * pass: the thing works here. fail: it should work and does not (or gave a wrong answer).
 * unsupported: this engine does not offer it (a feature, an API) — a spec decides if that is expected.
 */
export type ProbeStatus = 'pass' | 'fail' | 'unsupported';

export interface ProbeOutcome {
  status: ProbeStatus;
  /** One line a person reads in the table. */
  detail: string;
  /** Feature probes: does a module using the feature pass WebAssembly.validate? */
  validates?: boolean;
  /** Feature probes: did a known-answer computation with the feature give the right answer? null: none exists for it. */
  computesCorrectly?: boolean | null;
  /** Named timings in milliseconds, beyond the probe's total. */
  timings?: Record<string, number>;
  /** Anything else a report or a spec may read (JSON-serialisable). */
  data?: Record<string, unknown>;
}

export interface ProbeResult extends ProbeOutcome {
  id: string;
  title: string;
  category: ProbeCategory;
  proposal?: string;
  /** Wall time of run(), in milliseconds. */
  ms: number;
}

export interface Probe {
  /** Stable id the specs and expectations refer to, e.g. 'loading.instantiateStreaming' or 'feature.simd'. */
  id: string;
  title: string;
  category: ProbeCategory;
  /** The WebAssembly proposal (features), as named on webassembly.org/features. */
  proposal?: string;
  /** Whether the probe needs the WebAssembly global; without it the page reports it unsupported. */
  needsWebAssembly: boolean;
  run(context: ProbeContext): Promise<ProbeOutcome>;
}

/** What the page hands every probe: where the crate's artifacts are, and the loaded crate. */
export interface ProbeContext {
  /** URL of the crate's .wasm as the page serves it. */
  wasmUrl: string;
  /** The wasm-pack module loaded through vite-plugin-wasm, or null when it failed to load. */
  crate: CrateModule | null;
  /** Why the crate module could not be loaded, when it could not. */
  crateError: string | null;
}

export type CrateModule = typeof import('../../crate/pkg/wasm_compat.js');

/** What the page publishes on window.__wasmCompat for drivers (see docs/harness.md). */
export interface HarnessReport {
  schema: 1;
  state: 'running' | 'done';
  page: string;
  startedAt: string;
  finishedAt: string | null;
  webAssemblyAvailable: boolean;
  userAgent: string;
  results: ProbeResult[];
  /** Uncaught errors and unhandled rejections seen by the page while it ran. */
  pageErrors: string[];
}

declare global {
  interface Window {
    __wasmCompat?: HarnessReport;
  }
}
