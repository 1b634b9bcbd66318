// The one contract every probe follows. A probe is one file, harness/probes/<category>/<name>.ts
// (or <the subject's probes folder>/<category>/<name>.ts for a crate's own), default-exporting its definition; its id (<category>.<name>) and category come from that path
// (probeFromPath). It runs inside the page, never throws (a thrown error becomes status 'fail' with
// the error as detail), and reports what it saw; whether that is what an engine should do is
// decided by the specs, against runner/expectations/.

export type ProbeCategory = 'loading' | 'execution' | 'memory' | 'errors' | 'features' | 'limits' | 'environment' | 'serving';

/**
 * pass: the thing works here. fail: it should work and does not (or gave a wrong answer).
 * unsupported: this engine does not offer it (a feature, an API) — a spec decides if that is expected.
 * info: a fact recorded, not judged (the user agent, the cores): nothing it could see would be wrong.
 */
export type ProbeStatus = 'pass' | 'fail' | 'unsupported' | 'info';

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
  /** The feature's name in webassembly.org's features.json (feature probes that have one). */
  featuresJson?: string;
  /** Wall time of run(), in milliseconds. */
  ms: number;
}

/** What a probe file default-exports. */
export interface ProbeDefinition {
  title: string;
  /** The WebAssembly proposal (features), as named on webassembly.org/features. */
  proposal?: string;
  /** The feature's key in webassembly.org's features.json, where it has one. */
  featuresJson?: string;
  /** Whether the probe needs the WebAssembly global; without it the page reports it unsupported. */
  needsWebAssembly: boolean;
  /**
   * Whether it loads the subject's own .wasm or calls its glue. A subject that builds none (a
   * library crate: no cdylib) has nothing for it to load, so the page lists it as not run, with
   * that reason (HarnessReport.notRun), instead of running it. Read its URL with subjectWasmUrl().
   */
  needsSubjectModule?: boolean;
  /**
   * Whether it also runs in a dedicated, a shared and a service worker, as WPT runs an .any.js test
   * in every global: a probe of the engine's WebAssembly itself that needs no page API (no
   * document, frame, page URL or the subject's glue). Its worker results are judged as the main
   * thread's are, and must agree with them where the platform gives no reason to differ.
   */
  inWorkers?: boolean;
  run(context: ProbeContext): Promise<ProbeOutcome>;
}

/** A definition with the id and category its path gives it. */
export interface Probe extends ProbeDefinition {
  /** <category>.<file name>, e.g. 'loading.instantiateStreaming' or 'features.simd'. */
  id: string;
  category: ProbeCategory;
}

export const PROBE_CATEGORIES: readonly ProbeCategory[] = ['environment', 'loading', 'execution', 'memory', 'errors', 'features', 'limits', 'serving'];

/** Types a probe file's default export. */
export function defineProbe(definition: ProbeDefinition): ProbeDefinition {
  return definition;
}

/** A probe's id and category from its file's path, relative to harness/probes/ ('features/simd.ts' -> features.simd). */
export function probePlace(path: string): Pick<Probe, 'id' | 'category'> {
  const match = /(?:^|\/)([a-z]+)\/([A-Za-z0-9]+)\.ts$/.exec(path);
  const category = match?.[1] as ProbeCategory | undefined;
  if (!match || !category || !PROBE_CATEGORIES.includes(category))
    throw new Error(`${path} is not a probe file: probes live in harness/probes/<${PROBE_CATEGORIES.join('|')}>/<name>.ts`);
  return { id: `${category}.${match[2]}`, category };
}

/** A probe from its file's path (probePlace) and its file's definition. */
export function probeFromPath(path: string, definition: ProbeDefinition): Probe {
  return { ...definition, ...probePlace(path) };
}

/** Probes in the page's order: by category, then by id. */
export function byPageOrder(a: Pick<Probe, 'id' | 'category'>, b: Pick<Probe, 'id' | 'category'>): number {
  return PROBE_CATEGORIES.indexOf(a.category) - PROBE_CATEGORIES.indexOf(b.category) || a.id.localeCompare(b.id);
}

/** The subject as the page knows it (harness/subjectPlugin.ts). */
export interface SubjectInfo {
  name: string;
  version: string;
  /** wasm-pack's file stem: <stem>.js, <stem>_bg.wasm. */
  stem: string;
  target: 'bundler' | 'web';
  wasmBindgen: string | null;
  isDemo: boolean;
  /** 'library': a crate with no cdylib, which builds no .wasm: its Rust tests run, and the probes that need its module do not. */
  kind: 'crate' | 'prebuilt' | 'library';
  /** The module's first memory as its file declares it (read in Node by subject/moduleFeatures.ts), or null when it has none. */
  memory: { imported: boolean; initialPages: number; maximumPages: number | null; shared: boolean } | null;
}

/** What the page hands every probe: the subject, where its .wasm is, and its loaded glue. */
export interface ProbeContext {
  subject: SubjectInfo;
  /** URL of the subject's .wasm as the page serves it; null where the subject builds none (a library crate). */
  wasmUrl: string | null;
  /** The subject's wasm-bindgen glue, loaded as a site loads it (vite-plugin-wasm, or the web target's init), or null when it failed to load. */
  crate: CrateModule | null;
  /** Why the glue could not be loaded, when it could not. */
  crateError: string | null;
  /** The import object the glue gives the .wasm (bundler target), or null where the glue keeps it to itself (web target). */
  glueImports: WebAssembly.Imports | null;
  /** The raw exports of the instance the glue uses (bundler target), or null. */
  rawExports: WebAssembly.Exports | null;
}

/**
 * The subject's .wasm URL, for a probe that declares needsSubjectModule (the page runs no such
 * probe where there is none, so reaching the throw means a probe that forgot to declare it).
 */
export function subjectWasmUrl(context: Pick<ProbeContext, 'wasmUrl' | 'subject'>): string {
  if (context.wasmUrl === null)
    throw new Error(`${context.subject.name} builds no .wasm (a ${context.subject.kind} subject), and this probe does not declare needsSubjectModule`);
  return context.wasmUrl;
}

/** The workers the page runs its inWorkers probes in, besides its own main thread. */
export const WORKER_CONTEXTS = ['dedicated worker', 'shared worker', 'service worker'] as const;
export type WorkerContext = (typeof WORKER_CONTEXTS)[number];

/** One worker context's run of the inWorkers probes (HarnessReport.workers). */
export interface WorkerRun {
  context: WorkerContext;
  /** The probe ids the page asked this worker to run. */
  asked: string[];
  results: ProbeResult[];
  /** Why the worker gave no results (not offered here, failed to start, did not answer), or null. */
  error: string | null;
  /** Set when a service worker's first request went unanswered this long and the request was sent again. */
  resentAfterMs?: number;
}

/** A probe the page did not run, and why (HarnessReport.notRun). */
export interface ProbeNotRun {
  id: string;
  title: string;
  category: ProbeCategory;
  reason: string;
}

/** A wasm-bindgen glue module: whatever the subject exports. A crate's own probes type it (crateProbe<M>). */
export type CrateModule = Record<string, unknown>;

/** Which probes one load of the page runs (probeSelection.ts reads and writes it in the page's URL). */
export interface ProbeSelection {
  /** The categories to run; null runs every category. */
  categories: ProbeCategory[] | null;
  /** Probe ids left out of those categories. */
  skip: string[];
}

/** What the page publishes on window.__wasmCompat for drivers (see docs/harness.md). */
export interface HarnessReport {
  schema: 1;
  /** 'holding': the probes its URL holds back wait for the driver's release (window.__wasmCompatRelease). */
  state: 'running' | 'holding' | 'done';
  page: string;
  startedAt: string;
  finishedAt: string | null;
  webAssemblyAvailable: boolean;
  userAgent: string;
  /** The subject whose module the probes ran on. */
  subject: SubjectInfo;
  /** What this load was asked to run (its URL's ?probes= and ?skip=): the results are exactly the selected probes. */
  selection: ProbeSelection;
  results: ProbeResult[];
  /** Selected probes the page did not run, each with why: results and notRun together are exactly the selection. */
  notRun: ProbeNotRun[];
  /** The selected inWorkers probes, run again in each worker context (none where WebAssembly is off, or none is selected). */
  workers: WorkerRun[];
  /** Uncaught errors and unhandled rejections seen by the page while it ran. */
  pageErrors: string[];
}

declare global {
  interface Window {
    __wasmCompat?: HarnessReport;
    /** Set while the page holds probes back (state 'holding'): calling it runs them. */
    __wasmCompatRelease?: () => void;
  }
}

/** The context of a probe run outside the page, where no subject is loaded (engine-level probes read none of it). */
export function contextWithoutSubject(reason: string): ProbeContext {
  return {
    subject: { name: 'none', version: '0.0.0', stem: '', target: 'bundler', wasmBindgen: null, isDemo: false, kind: 'prebuilt', memory: null },
    wasmUrl: '',
    crate: null,
    crateError: reason,
    glueImports: null,
    rawExports: null,
  };
}
