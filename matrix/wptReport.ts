// reports/wpt/<project>.json: one project's run in wptreport's shape, the JSON wpt.fyi takes
// (web-platform-tests/wpt tools/wptrunner/wptrunner/formatters/wptreport.py): results[] with one
// test per probe category (and per Rust test binary and mode), each probe a subtest; run_info names
// product, browser_version and os. A subtest whose status is not what was expected carries
// `expected`, as wptrunner writes it; an unsupported feature is a FAIL, as wpt.fyi counts it.
import type { CompatReport, ProjectReport } from '../runner/compatReport.ts';
import { findEngine } from '../runner/engines/registry.ts';
import { failsRun, type ProbeVerdict, WORKER_CONTEXTS, type WorkerContext } from '../runner/expectations/verdict.ts';

/** wptreport's subtest statuses: PRECONDITION_FAILED is WPT's word for a feature the browser does not offer (assert_implements_optional). */
export type WptSubtestStatus = 'PASS' | 'FAIL' | 'NOTRUN' | 'PRECONDITION_FAILED';

/** A Rust test's status as a wptreport subtest's: #[ignore] is not run; a context the engine lacks is a precondition, not a failure. */
const RUST_WPT_STATUS = {
  passed: 'PASS',
  ignored: 'NOTRUN',
  unsupported: 'PRECONDITION_FAILED',
  failed: 'FAIL',
  'not-reported': 'FAIL',
} as const satisfies Record<string, WptSubtestStatus>;

/** WPT's names of the worker globals an .any.js test runs in (its test URLs end .any.worker.html, .any.sharedworker.html, .any.serviceworker.html). */
const WPT_GLOBAL = { 'dedicated worker': 'worker', 'shared worker': 'sharedworker', 'service worker': 'serviceworker' } as const satisfies Record<
  WorkerContext,
  string
>;

export interface WptSubtest {
  name: string;
  status: WptSubtestStatus;
  message: string | null;
  expected?: WptSubtestStatus;
}

export interface WptResult {
  test: string;
  status: 'OK' | 'SKIP';
  message: string | null;
  subtests: WptSubtest[];
}

export interface WptReport {
  time_start: number;
  time_end: number;
  run_info: { product: string; browser_version: string; os: string; device: string | null; emulated: boolean; project: string; target: string | null };
  results: WptResult[];
}

function subtest(v: ProbeVerdict): WptSubtest {
  // What the probe saw, unless the run's checks of its data failed it; expected differs from it
  // exactly when the verdict fails the run, so wpt.fyi counts the same failures as the run.
  const status: WptSubtestStatus = v.actual === 'pass' && v.status !== 'fail' ? 'PASS' : 'FAIL';
  const expected: WptSubtestStatus = failsRun(v) ? (status === 'PASS' ? 'FAIL' : 'PASS') : status;
  return { name: v.id, status, message: status === 'PASS' ? null : `${v.actual}: ${v.detail}`, ...(status !== expected ? { expected } : {}) };
}

/** wpt's os names. An emulated phone runs on the host; a real one (Appium) says so in its user agent. */
function osOf(report: CompatReport, p: ProjectReport): string {
  if (!p.engine!.emulated && /Android/.test(p.engine!.userAgent)) return 'android';
  if (!p.engine!.emulated && /iPhone|iPad/.test(p.engine!.userAgent)) return 'ios';
  const platform = report.host?.platform ?? 'unknown';
  return { darwin: 'mac', win32: 'win' }[platform] ?? platform;
}

export function wptReport(report: CompatReport, project: string): WptReport | null {
  const p: ProjectReport | undefined = report.projects[project];
  if (p?.status !== 'ran' || !p.engine) return null;
  const end = Date.parse(report.generatedAt);
  const start = end - Math.round(p.probes.reduce((sum, v) => sum + v.ms, 0));
  const notRun = p.probesNotRun ?? [];
  const categories = [...new Set([...p.probes, ...notRun].map((v) => v.category))].sort();
  const results: WptResult[] = categories.map((category) => ({
    test: `/wasm-compat/${category}`,
    status: 'OK',
    message: null,
    // A probe the page did not run (a library crate's module probes) is NOTRUN, as wptrunner writes a subtest that never ran.
    subtests: [
      ...p.probes.filter((v) => v.category === category && !v.context).map(subtest),
      ...notRun.filter((n) => n.category === category).map((n): WptSubtest => ({ name: n.id, status: 'NOTRUN', message: n.reason })),
    ],
  }));
  // A worker's run is a test of its own, named as WPT names an .any.js test's globals (…any.worker.html and the like).
  for (const category of categories)
    for (const context of WORKER_CONTEXTS) {
      const inContext = p.probes.filter((v) => v.category === category && v.context === context);
      if (inContext.length)
        results.push({ test: `/wasm-compat/${category}.${WPT_GLOBAL[context]}`, status: 'OK', message: null, subtests: inContext.map(subtest) });
    }
  const binaries = [...new Set((p.rustTests ?? []).map((t) => `${t.target}|${t.mode}`))].sort();
  for (const key of binaries) {
    const [target, mode] = key.split('|') as [string, string];
    results.push({
      test: `/wasm-compat/rust/${target}/${mode.replace(/\s+/g, '-')}`,
      status: 'OK',
      message: null,
      subtests: (p.rustTests ?? [])
        .filter((t) => t.target === target && t.mode === mode)
        .map((t) => {
          const status: WptSubtestStatus = RUST_WPT_STATUS[t.status];
          return { name: t.name, status, message: t.output || null, ...(status === 'FAIL' ? { expected: 'PASS' as const } : {}) };
        }),
    });
  }
  return {
    time_start: start,
    time_end: end,
    run_info: {
      product: findEngine(p.engine.engine)?.wptProduct ?? p.engine.engine,
      browser_version: p.engine.version,
      os: osOf(report, p),
      device: p.engine.device,
      emulated: p.engine.emulated,
      project,
      target: p.target?.name ?? null,
    },
    results,
  };
}
