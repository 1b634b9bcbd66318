// compat.json's shape, written once: the global teardown writes it, the matrix, `npm run report`,
// Lighthouse's throttling summary and the suite timing read it, and `reports/compat.schema.json`
// publishes it for other tools (compatJsonSchema.ts). Every TypeScript type of the file is inferred
// from here, so the writer and its readers cannot drift apart. The descriptions are the field docs:
// they reach the JSON Schema too.
//
// Objects are not strict: a reader ignores a field it does not know (and drops it: a merge writes
// the fields it knows), so a newer writer adding an optional field does not need a new version. `schema` changes when an older reader would misread
// the file (a field removed, renamed, or meaning something else); readCompat.ts names the versions
// this code reads. Engine names and throttling profiles are open strings: their lists live with the
// engines (runner/engines/) and the throttling (runner/throttling/), not in the file format.
import { z } from 'zod';

/** The version this code writes. */
export const COMPAT_SCHEMA_VERSION = 1;

const count = z.number().int().nonnegative();
const nullableString = z.string().nullable();

/** One Node-side serving check (deploy/headerRules.ts's Finding). */
export const findingSchema = z.object({
  check: z.string().describe("Which rule, e.g. 'content-type', 'coep', 'csp', 'checksum'."),
  subject: z.string().describe("What was checked, e.g. 'assets/wasm_compat_bg-C9o9UeKm.wasm' or 'the page'."),
  ok: z.boolean(),
  message: z.string().describe('On failure: the cause, named, and its consequence. On success: what held.'),
});

export const projectTargetSchema = z
  .object({
    name: z.string(),
    kind: z.string(),
    description: z.string(),
    harnessUrl: nullableString.describe('Where the page answered; null where the target did not start.'),
    isolation: z.string(),
  })
  .describe('Which target a project ran against (serving/targets/), and where it answered.');

export const networkProfileSchema = z.object({
  profile: z.string(),
  latencyMs: z.number().describe('Added to every request (CDP Network.emulateNetworkConditions `latency`).'),
  downloadKbps: z.number(),
  uploadKbps: z.number(),
  source: z.string(),
});

export const cpuThrottlingSchema = z.object({
  rate: z.number().describe("CDP Emulation.setCPUThrottlingRate's rate: 1 is no slowdown."),
  hostBenchmarkIndex: z
    .number()
    .nullable()
    .describe("Lighthouse's BenchmarkIndex of this machine's Chromium, unthrottled; null where the rate was set, not calibrated."),
  targetBenchmarkIndex: z.number(),
  throttledBenchmarkIndex: z
    .number()
    .nullable()
    .describe('The index measured at `rate`: how close the calibration came. Null where the rate was set, not calibrated.'),
  method: z.string().describe('How the rate was reached, in words.'),
  calibratedAt: z.string(),
  cached: z.boolean().describe("Whether the rate came from an earlier run's calibration on this machine (.cache/cpu-calibration.json)."),
});

export const throttlingRecordSchema = z
  .object({
    profile: z.string().describe("The throttle profile asked for (runner/throttling/throttlingProfile.ts), e.g. 'mid-tier-phone'."),
    cpu: cpuThrottlingSchema.nullable().describe('What was applied; null where the engine could not.'),
    network: networkProfileSchema.nullable(),
    notApplied: z.array(z.string()).describe('What the profile asks for that this engine could not apply, and why (also in engine.notApplied).'),
  })
  .describe("The phone's CPU and network a project asked for: what was applied and what not.");

export const engineInfoSchema = z
  .object({
    project: z.string(),
    engine: z.string().describe("The engine's name, e.g. 'chromium'; the engines the suite knows are listed by runner/engines/."),
    kind: z.string().describe("How it was reached: Playwright's own build, a system browser, WebKitGTK over WebDriver."),
    source: z.string(),
    binary: z.string(),
    version: z.string().describe('Browser version as the engine reports it (e.g. 156.0.8078.108, 153.8.0, 2.50.6).'),
    userAgent: z.string(),
    platform: z
      .string()
      .optional()
      .describe(
        "The platform the browser runs on, as the browser says it, never Node's: WebDriver's platformName, else navigator.platform. " +
          'A device descriptor does not change it. Absent in runs stored before 2026-12-06.',
      ),
    emulated: z.boolean().describe('A device descriptor applied to a desktop engine (Pixel 5, iPhone 12), not the device itself.'),
    device: nullableString,
    notApplied: z.array(z.string()).describe('Parts of the device descriptor (and of its throttling) this engine could not apply, with the value asked for.'),
    throttling: throttlingRecordSchema.nullable().optional().describe('Null where no throttling was asked; absent in runs stored before it was recorded.'),
    tier: z
      .object({ name: z.string(), role: z.enum(['baseline', 'optimizing', 'interpreter']), what: z.string(), pin: z.array(z.string()) })
      .optional()
      .describe(
        "The compiler the engine was pinned to (a tier project) and the pin in words (launch arguments, 'pref=value', 'JSC_option=value'); absent: the engine's default tiering. The proof the pin took is the environment.compilerTier verdict.",
      ),
  })
  .describe('What ran a project.');

export const compatStatusSchema = z.enum(['pass', 'fail', 'unsupported-as-expected', 'unsupported-unexpectedly', 'info']);

export const probeVerdictSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    category: z.string(),
    status: compatStatusSchema,
    asExpected: z.boolean().describe("True when the run accepts this probe's outcome; false fails the run."),
    expected: z
      .enum(['pass', 'unsupported', 'recorded'])
      .describe("What the engine's expectation says the probe should report ('recorded': kept as a fact, not judged)."),
    why: z.string(),
    actual: z.enum(['pass', 'fail', 'unsupported', 'info']).describe('What the probe reported, before judging.'),
    detail: z.string(),
    ms: z.number(),
    checkFailures: z.array(z.string()).optional().describe("What the run's checks of the probe's data found wrong; any makes the verdict 'fail'."),
    validates: z.boolean().optional(),
    computesCorrectly: z.boolean().nullable().optional(),
    featuresJson: z.string().optional().describe("A feature probe's name in webassembly.org's features.json, when it has one."),
    context: z
      .string()
      .optional()
      .describe(
        "Where it ran when not on the page's main thread: 'dedicated worker', 'shared worker' or 'service worker' (the probes marked inWorkers, as WPT runs .any.js tests in every global). Absent: the main thread.",
      ),
  })
  .describe("One probe's judgement in one engine and context (runner/expectations/verdict.ts).");

export const rustTestRecordSchema = z
  .object({
    target: z.string().describe("The cargo test target (tests/web.rs is 'web')."),
    mode: z
      .string()
      .describe(
        "Where it ran (runner/rustTests/rustTestModes.ts): the runner page's main thread, a dedicated, shared or service worker, or a page without isolation.",
      ),
    name: z.string(),
    status: z
      .enum(['passed', 'failed', 'ignored', 'not-reported', 'unsupported'])
      .describe("'unsupported': the engine does not offer the mode's context, so nothing ran (the output says what was missing, with a source)."),
    output: z
      .string()
      .describe(
        "What it printed in this context (a passing test's too), and for a failure its panic after that; for one that did not report, why; for an unsupported context, what was missing.",
      ),
    configure: z
      .string()
      .optional()
      .describe(
        "The crate's wasm_bindgen_test_configure!(…) for the test's binary (run_in_browser, …): it pins the context, so the test ran only in that context's modes.",
      ),
  })
  .describe("One #[wasm_bindgen_test] as it ran in this project's engine.");

export const probeNotRunSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    category: z.string(),
    reason: z.string().describe('Why the page did not run it, e.g. the subject is a library crate and builds no .wasm for it to load.'),
  })
  .describe('A selected probe the page did not run (HarnessReport.notRun): it has no verdict, only its reason.');

export const sessionTimingSchema = z
  .object({ launchMs: z.number(), pageLoadMs: z.number() })
  .describe("What a project's worker spent before its first test: starting its engine, and the page's one load with its probes.");

export const projectRequirementCheckSchema = z.object({
  runs: z.boolean().describe("True when every needed feature's live probe passed in this project's engine."),
  missing: z
    .array(z.object({ feature: z.string(), probe: z.string(), actual: z.string() }))
    .describe('Needed features whose probe did not pass here, with what it reported.'),
  unjudged: z.array(z.string()).describe('Needed features with no live probe to judge by.'),
});

/** A browser's first version: a version, 'unknown' (no table entry), or null (no release has it on by default). */
const firstVersion = nullableString;

const requirementsSchema = z
  .object({
    features: z.array(
      z.object({
        feature: z.string().describe("wasmparser's name of the proposal, or 'js_bigint_integration'."),
        probe: nullableString.describe('The feature probe that stands for it, or null.'),
        evidence: z.string(),
        versions: z.record(z.string(), firstVersion).describe('Per browser, the first version that has the feature on by default.'),
        source: nullableString,
      }),
    ),
    minimum: z
      .record(
        z.string(),
        z.object({ version: firstVersion.describe("'any': the module uses no feature beyond the first release."), limitedBy: z.array(z.string()) }),
      )
      .describe('Per browser: the first version that runs the module, and the features that set it.'),
  })
  .describe("What the subject's module needs, in browsers (runner/expectations/requirements.ts).");

const buildRecordSchema = z
  .object({
    crate: z.object({ name: z.string(), version: z.string(), dir: z.string().optional(), features: z.array(z.string()).optional() }),
    mode: z.enum(['dev', 'release', 'profiling']),
    target: z.enum(['web', 'bundler', 'nodejs']),
    toolchain: z.object({ rustc: z.string(), wasmPack: z.string(), wasmBindgen: z.string() }),
    git: z.object({ commit: nullableString, dirty: z.boolean().nullable() }),
    builtAt: z.string(),
  })
  .describe("The build's record (build/buildInfo.ts's build-info.json) without its file list.");

export const subjectReportSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    kind: z
      .enum(['crate', 'prebuilt', 'library'])
      .describe(
        "'library': a crate with no cdylib, which builds no .wasm: its Rust tests ran, the probes that need its module did not (projects[].probesNotRun).",
      ),
    path: z.string().describe("The crate's folder or the prebuilt folder, as resolved."),
    from: z.string(),
    wasmBindgen: nullableString,
    target: z.enum(['bundler', 'web']),
    features: z.array(z.string()),
    build: buildRecordSchema.nullable().describe('Null when the folder has no build-info.json, or the subject is a library crate.'),
    wasm: z.object({ file: z.string(), bytes: count, gzip: count.optional(), brotli: count.optional(), sha256: z.string() }).nullable(),
    requirements: requirementsSchema.nullable(),
    requirementsError: z.string().optional().describe('Why the requirements could not be read, when they could not.'),
  })
  .describe('The crate the run tested, its build, and what its module needs.');

const testId = { testId: z.string().optional().describe('The Playwright test that reached it: its id in the HTML report.') };

// Every status has its count once read, so a reader can add them up without checking for absent
// keys. Runs stored before the 'info' status (added 2026-11-29, 572eccd; the stored runs in
// tests/fixtures/compat/ among them) have no count for it: none of their verdicts could be info, so
// it reads as 0. The JSON Schema, which describes the file as written, marks it optional for them.
const summarySchema = z.object({
  ...(Object.fromEntries(compatStatusSchema.options.map((s) => [s, count])) as Record<z.infer<typeof compatStatusSchema>, typeof count>),
  info: count.default(0),
});

export const projectReportSchema = z.object({
  status: z.enum(['ran', 'not-run']),
  target: projectTargetSchema.nullable(),
  serving: z
    .object({ passed: count, failed: count, findings: z.array(findingSchema) })
    .nullable()
    .describe('The Node-side serving checks (tests/specs/serving.spec.ts): counts, and every finding.'),
  reason: z.string().optional().describe('Why the project did not run: what was looked for and not found.'),
  engine: engineInfoSchema.nullable(),
  tests: z.object({ passed: count, failed: count, skipped: count }),
  summary: summarySchema,
  probes: z.array(probeVerdictSchema.extend(testId)),
  probesNotRun: z
    .array(probeNotRunSchema.extend(testId))
    .optional()
    .describe("Selected probes that did not run here, each with why (a library crate's module probes); absent where every selected probe ran."),
  features: z.record(z.string(), z.boolean()).describe('features.json shape: feature name -> supported (validates and computes correctly).'),
  requirements: projectRequirementCheckSchema
    .nullable()
    .optional()
    .describe("Whether this engine runs the subject's module, from its own feature probes (null: it ran none)."),
  rustTests: z.array(rustTestRecordSchema.extend(testId)).optional().describe("The subject's #[wasm_bindgen_test] tests as they ran in this engine."),
  htmlReport: z.string().optional().describe("The Playwright HTML report that holds this project's tests, relative to the reports folder."),
  session: sessionTimingSchema.optional().describe("Where its worker's time went before the tests (npm run bench:suite reads it)."),
});

export const compatReportSchema = z
  .object({
    schema: z.literal(COMPAT_SCHEMA_VERSION).describe("This file's format version: a reader refuses a version it does not know."),
    runId: z.string().optional().describe("The run that wrote it: the matrix and a joining run check it, so no earlier run's file passes as this one's."),
    startedAt: z.string().datetime().optional().describe('When the run began (its global setup); absent in files written before 2026-12-07.'),
    generatedAt: z.string().datetime(),
    target: z.string().describe('The default target; each project names its own in projects[name].target.'),
    targetIsolation: z.string(),
    playwright: z.string().describe("Playwright's version."),
    host: z
      .object({ platform: z.string(), arch: z.string() })
      .optional()
      .describe("The machine the runner ran on (Node's names: linux, darwin, win32; x64, arm64)."),
    subject: subjectReportSchema.optional(),
    projects: z.record(z.string(), projectReportSchema),
  })
  .describe("wasm-compat's compat.json: per project, the target, the engine, every probe's verdict, the serving checks and the features.");

export type CompatReport = z.infer<typeof compatReportSchema>;
export type ProjectReport = z.infer<typeof projectReportSchema>;
export type ProjectTarget = z.infer<typeof projectTargetSchema>;
export type SubjectReport = z.infer<typeof subjectReportSchema>;
export type EngineInfo = z.infer<typeof engineInfoSchema>;
export type ThrottlingRecord = z.infer<typeof throttlingRecordSchema>;
export type CpuThrottling = z.infer<typeof cpuThrottlingSchema>;
export type NetworkProfile = z.infer<typeof networkProfileSchema>;
export type CompatStatus = z.infer<typeof compatStatusSchema>;
export type ProbeVerdict = z.infer<typeof probeVerdictSchema>;
export type ProbeNotRunRecord = z.infer<typeof probeNotRunSchema>;
export type RustTestRecord = z.infer<typeof rustTestRecordSchema>;
export type SessionTiming = z.infer<typeof sessionTimingSchema>;
export type ProjectRequirementCheck = z.infer<typeof projectRequirementCheckSchema>;
