// Where one `npx playwright test` run spent its time, from what the run itself left: Playwright's
// JSON report (every test's start, duration, worker and project) and compat.json (each project's
// engine start and page load, every probe's own time). Plain functions, so a stored run can be
// profiled again; timeSuite.ts runs the suite and writes the result.
import type { CompatReport } from '../../runner/compatReport.ts';
import { readLockWait } from '../../runner/testRecord.ts';

/** The parts of Playwright's JSON report read here. */
export interface PlaywrightJsonReport {
  stats: { startTime: string; duration: number };
  suites: JsonSuite[];
}
interface JsonSuite {
  title: string;
  file?: string;
  specs?: Array<{
    title: string;
    file: string;
    tests: Array<{
      projectName: string;
      results: Array<{
        startTime: string;
        duration: number;
        workerIndex: number;
        parallelIndex?: number;
        status: string;
        annotations?: Array<{ type: string; description?: string }>;
        /** Its top-level test.step steps: a Rust test's one per mode. */
        steps?: Array<{ title: string; duration: number }>;
      }>;
    }>;
  }>;
  suites?: JsonSuite[];
}

export interface ProjectProfile {
  /** From its first test's start (Playwright starts the clock before the worker's fixtures: the engine's start and the page's load) to its last test's end. */
  wallMs: number;
  launchMs: number | null;
  pageLoadMs: number | null;
  /** The tests' own time, per spec file. */
  specs: Record<string, number>;
  /** Each Rust-test mode's steps (a Rust test's first holds the wait for every mode's run, which start at once). */
  rustModes: Record<string, number>;
  workers: number;
  /** Its workers Playwright started again in a slot after the one before stopped (after each failed test), and the time from that one's last test to the new one's first. */
  restarts: { count: number; ms: number };
  /** Of its tests' time, how long they waited for the timing lock (runner/timingLock.ts): another project's page timing the machine alone, or this page waiting for the others' work to end. */
  lockWaitMs: number;
}

export interface SuiteProfile {
  wallMs: number;
  /** From the run's start to the first test's start, less that project's engine start and page load: config, the subject's build check, calibration, the page's build, the servers. */
  globalSetupMs: number;
  /** From the last test's end to the run's end: the servers stopped, the reporters' files written. */
  teardownMs: number;
  projects: Record<string, ProjectProfile>;
  /** Summed over projects. */
  specs: Record<string, number>;
  rustModes: Record<string, number>;
  launchMs: number;
  pageLoadMs: number;
  /** Summed over projects: the time tests waited for the timing lock. */
  lockWaitMs: number;
  /** Summed over projects: workers started again after a failed test, and the time each cost. */
  restarts: { count: number; ms: number };
  /** Each probe's own time in the page, summed over projects (the streaming pairs, the memory growth among them). */
  probes: Record<string, number>;
}

interface Row {
  project: string;
  file: string;
  describe: string;
  start: number;
  duration: number;
  worker: number;
  /** Playwright's worker slot (parallelIndex): a worker started after a failure takes the slot of the one that stopped. */
  slot: number;
  lockWaitMs: number;
  steps: Array<{ title: string; duration: number }>;
}

function rows(report: PlaywrightJsonReport): Row[] {
  const out: Row[] = [];
  const walk = (suite: JsonSuite, describe: string) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        for (const r of test.results)
          out.push({
            project: test.projectName,
            file: spec.file,
            describe,
            start: Date.parse(r.startTime),
            duration: r.duration,
            worker: r.workerIndex,
            slot: r.parallelIndex ?? 0,
            lockWaitMs: readLockWait(r.annotations),
            steps: r.steps ?? [],
          });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.title);
  };
  for (const suite of report.suites) walk(suite, '');
  return out;
}

/**
 * A project's workers started again: each worker whose slot an earlier worker of the same project
 * held, and the time from that one's last test's end to its own first test's start (the old process
 * stopping, the new one starting and loading the config and the specs).
 */
export function restartsOf(rows: ReadonlyArray<Pick<Row, 'worker' | 'slot' | 'start' | 'duration'>>): { count: number; ms: number } {
  const workers = new Map<number, { slot: number; first: number; last: number }>();
  for (const r of rows) {
    const w = workers.get(r.worker) ?? { slot: r.slot, first: r.start, last: r.start + r.duration };
    workers.set(r.worker, { slot: w.slot, first: Math.min(w.first, r.start), last: Math.max(w.last, r.start + r.duration) });
  }
  const lastInSlot = new Map<number, number>();
  let count = 0;
  let ms = 0;
  for (const w of [...workers.values()].sort((a, b) => a.first - b.first)) {
    const before = lastInSlot.get(w.slot);
    if (before !== undefined) {
      count += 1;
      ms += Math.max(0, w.first - before);
    }
    lastInSlot.set(w.slot, w.last);
  }
  return { count, ms: Math.round(ms) };
}

const add = (into: Record<string, number>, key: string, ms: number) => {
  into[key] = (into[key] ?? 0) + ms;
};
const round = (record: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(record)
      .map(([k, v]) => [k, Math.round(v)])
      .sort((a, b) => (b[1] as number) - (a[1] as number)),
  );

/**
 * Each mode's time in a Rust test (rustTests.spec.ts: a describe `Rust tests (<target>)`, a step per
 * mode titled `<mode>` or `<mode>; pinned by …`), or none for another test.
 */
function rustModesOf(row: Pick<Row, 'describe' | 'steps'>): Array<[string, number]> {
  if (!/^Rust tests \([^,]+\)$/.test(row.describe)) return [];
  return row.steps.map((step) => [step.title.split(';')[0]!, step.duration]);
}

export function profileRun(report: PlaywrightJsonReport, compat: CompatReport | null): SuiteProfile {
  const all = rows(report);
  const runStart = Date.parse(report.stats.startTime);
  const runEnd = runStart + report.stats.duration;
  const projects: Record<string, ProjectProfile> = {};
  const specs: Record<string, number> = {};
  const rustModes: Record<string, number> = {};
  let firstEngineStart = runEnd;
  let lastEnd = runStart;
  for (const name of [...new Set(all.map((r) => r.project))]) {
    const mine = all.filter((r) => r.project === name);
    const session = compat?.projects[name]?.session ?? null;
    const start = Math.min(...mine.map((r) => r.start));
    const end = Math.max(...mine.map((r) => r.start + r.duration));
    firstEngineStart = Math.min(firstEngineStart, start);
    lastEnd = Math.max(lastEnd, end);
    const p: ProjectProfile = {
      wallMs: end - start,
      launchMs: session?.launchMs ?? null,
      pageLoadMs: session?.pageLoadMs ?? null,
      specs: {},
      rustModes: {},
      workers: new Set(mine.map((r) => r.worker)).size,
      restarts: restartsOf(mine),
      lockWaitMs: Math.round(mine.reduce((n, r) => n + r.lockWaitMs, 0)),
    };
    for (const r of mine) {
      add(p.specs, r.file, r.duration);
      add(specs, r.file, r.duration);
      for (const [mode, ms] of rustModesOf(r)) {
        add(p.rustModes, mode, ms);
        add(rustModes, mode, ms);
      }
    }
    projects[name] = { ...p, specs: round(p.specs), rustModes: round(p.rustModes) };
  }
  const probes: Record<string, number> = {};
  for (const project of Object.values(compat?.projects ?? {}))
    for (const probe of project.probes) if (typeof probe.ms === 'number') add(probes, probe.context ? `${probe.id} (${probe.context})` : probe.id, probe.ms);
  const sessions = Object.values(compat?.projects ?? {})
    .map((p) => p.session)
    .filter((s) => s !== undefined);
  return {
    wallMs: report.stats.duration,
    globalSetupMs: Math.max(0, firstEngineStart - runStart),
    teardownMs: Math.max(0, runEnd - lastEnd),
    projects,
    specs: round(specs),
    rustModes: round(rustModes),
    launchMs: Math.round(sessions.reduce((n, s) => n + s.launchMs, 0)),
    pageLoadMs: Math.round(sessions.reduce((n, s) => n + s.pageLoadMs, 0)),
    lockWaitMs: Object.values(projects).reduce((n, p) => n + p.lockWaitMs, 0),
    restarts: Object.values(projects).reduce((n, p) => ({ count: n.count + p.restarts.count, ms: n.ms + p.restarts.ms }), { count: 0, ms: 0 }),
    probes: round(probes),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A short summary in Markdown (the terminal and CI's job summary), beside a previous profile when there is one. */
export function summarize(profile: SuiteProfile, previous: SuiteProfile | null = null): string {
  const was = (pick: (p: SuiteProfile) => number) => (previous ? ` | ${s(pick(previous))}` : '');
  const head = previous ? '| part | this run | previous |\n|---|---|---|' : '| part | this run |\n|---|---|';
  const lines = [
    head,
    `| the whole run | ${s(profile.wallMs)}${was((p) => p.wallMs)} |`,
    `| global setup | ${s(profile.globalSetupMs)}${was((p) => p.globalSetupMs)} |`,
    `| engines started (summed over projects) | ${s(profile.launchMs)}${was((p) => p.launchMs)} |`,
    `| the page's loads with their probes (summed) | ${s(profile.pageLoadMs)}${was((p) => p.pageLoadMs)} |`,
    `| of the tests' time, waiting for the timing lock (summed) | ${s(profile.lockWaitMs)}${was((p) => p.lockWaitMs ?? 0)} |`,
    `| workers started again after a failed test (${profile.restarts.count}): the old one stopping, the new one starting | ${s(profile.restarts.ms)}${was((p) => p.restarts?.ms ?? 0)} |`,
    ...Object.entries(profile.rustModes).map(([mode, ms]) => `| Rust tests, ${mode} (summed) | ${s(ms)}${was((p) => p.rustModes[mode] ?? 0)} |`),
    ...Object.entries(profile.specs)
      .filter(([file]) => file !== 'rustTests.spec.ts')
      .map(([file, ms]) => `| ${file} (summed) | ${s(ms)}${was((p) => p.specs[file] ?? 0)} |`),
    `| teardown and reports | ${s(profile.teardownMs)}${was((p) => p.teardownMs)} |`,
  ];
  const slowest = Object.entries(profile.projects)
    .sort((a, b) => b[1].wallMs - a[1].wallMs)
    .map(([name, p]) => `${name} ${s(p.wallMs)}${p.lockWaitMs ? ` (${s(p.lockWaitMs)} waiting for the lock)` : ''}`);
  const probes = Object.entries(profile.probes)
    .slice(0, 5)
    .map(([id, ms]) => `${id} ${s(ms)}`);
  return [...lines, '', `Projects, longest first: ${slowest.join(', ')}.`, '', `Probes, summed over projects, longest first: ${probes.join(', ')}.`].join('\n');
}
