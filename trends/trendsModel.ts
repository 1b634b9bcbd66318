// What the trends page shows, worked out from the store's rows: the suite's runs in order, each
// project's passing share per run, what fails in the latest run and since when (the run its
// failing streak began, and the engine version it began with), each engine's version changes, and
// every measure as series over its producer's runs (the module's size and the run's wall time from
// the suite; speedups, the crate's benchmarks, Lighthouse's scores and coverage from theirs).
import { FAILING } from '../matrix/matrixModel.ts';
import { browserProjectList } from '../runner/engines/browserProjects.ts';
import type { CellKind } from '../matrix/matrixModel.ts';
import type { RunRow, StoreContents } from './historyStore.ts';

/** Outcomes that count in the passing share: judged ones (a recorded fact or an ignored test is neither). */
const JUDGED: ReadonlySet<string> = new Set<CellKind>(['pass', 'fail', 'unsupported-as-expected', 'unsupported-unexpectedly', 'no-result']);
const failing = (kind: string) => FAILING.has(kind as CellKind) || kind === 'no-result';

export interface RunPoint {
  /** 1-based, in the order of its kind's runs. */
  n: number;
  run: RunRow;
}

export interface ShareSeries {
  project: string;
  points: Array<{ n: number; passing: number; judged: number; share: number; version: string | null }>;
}

export interface FailingSince {
  project: string;
  item: string;
  text: string;
  /** The first run of the failing streak that reaches the latest run. */
  since: RunPoint;
  version: string | null;
  /** The engine's version in the run before the streak began (null: no earlier run had the project, or it passed on the same version). */
  versionBefore: string | null;
  /** The item was in no earlier run of the project: it failed from its first run. */
  newItem: boolean;
}

export interface VersionChange {
  project: string;
  at: RunPoint;
  from: string | null;
  to: string | null;
}

export interface MeasureSeries {
  label: string;
  project: string;
  points: Array<{ n: number; value: number }>;
}

export interface MeasureChart {
  /** The producer's kind of run (MEASURE_KINDS). */
  kind: string;
  title: string;
  unit: string;
  runs: RunPoint[];
  series: MeasureSeries[];
}

export interface TrendsModel {
  subject: string | null;
  /** Subjects the store also holds runs of, which this page leaves out (npm run report -- --history <store> --subject <name>). */
  otherSubjects: string[];
  suiteRuns: RunPoint[];
  allRuns: RunRow[];
  share: ShareSeries[];
  failingNow: FailingSince[];
  versions: VersionChange[];
  charts: MeasureChart[];
}

/** Projects in the registry's order (the matrix's columns: chromium, firefox, webkit, pixel5, iphone12), the serving variants after their engine's, the rest by name. */
function byProject(a: string, b: string): number {
  const registry = browserProjectList().map((p) => p.name);
  const rank = (name: string) => {
    const i = registry.indexOf(name.split('@')[0]!);
    return i < 0 ? registry.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function numbered(runs: RunRow[]): RunPoint[] {
  return runs.map((run, i) => ({ n: i + 1, run }));
}

/**
 * A chart per measure name with a line per project; measures of the run as a whole (project '')
 * share a chart per name prefix, a line per last part ('size.wasm.raw', '.gzip', '.brotli').
 */
function chartsOf(contents: StoreContents, kind: string, runs: RunPoint[]): MeasureChart[] {
  const nOf = new Map(runs.map((p) => [p.run.runId, p.n]));
  const charts = new Map<string, MeasureChart>();
  for (const m of contents.measures) {
    const n = nOf.get(m.runId);
    if (n === undefined) continue;
    const whole = m.project === '';
    const cut = m.name.lastIndexOf('.');
    const title = whole && cut > 0 ? m.name.slice(0, cut) : m.name;
    const label = whole ? (cut > 0 ? m.name.slice(cut + 1) : m.name) : m.project;
    const key = `${title}\u0000${m.unit}`;
    const chart = charts.get(key) ?? { kind, title, unit: m.unit, runs, series: [] };
    charts.set(key, chart);
    let series = chart.series.find((s) => s.label === label);
    if (!series) chart.series.push((series = { label, project: m.project, points: [] }));
    series.points.push({ n, value: m.value });
  }
  for (const chart of charts.values()) {
    for (const s of chart.series) s.points.sort((a, b) => a.n - b.n);
    chart.series.sort((a, b) => (a.project && b.project ? byProject(a.project, b.project) : a.label.localeCompare(b.label)));
  }
  return [...charts.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** The order the charts' kinds are shown in: the suite's own first. */
export const MEASURE_KINDS = ['suite', 'bench', 'bench-ab', 'crate-bench', 'lighthouse', 'coverage'] as const;

/** The subject a page is about by default: the latest suite run's, else the latest run's that names one. */
export function latestSubject(contents: StoreContents): string | null {
  const named = contents.runs.filter((r) => r.subject !== null);
  return (named.filter((r) => r.kind === 'suite').at(-1) ?? named.at(-1))?.subject ?? null;
}

/**
 * The page's model for one subject (a store merged from several teams' or crates' stores holds
 * more): its runs, and the runs that name no subject (Lighthouse's, of the served build).
 */
export function trendsModel(all: StoreContents, subject: string | null = latestSubject(all)): TrendsModel {
  const runs = all.runs.filter((r) => r.subject === null || subject === null || r.subject === subject);
  const kept = new Set(runs.map((r) => r.runId));
  const contents: StoreContents = {
    runs,
    engines: all.engines.filter((e) => kept.has(e.runId)),
    outcomes: all.outcomes.filter((o) => kept.has(o.runId)),
    measures: all.measures.filter((m) => kept.has(m.runId)),
  };
  const otherSubjects = [...new Set(all.runs.map((r) => r.subject).filter((s): s is string => s !== null && s !== subject))].sort();
  const byKind = (kind: string) => numbered(contents.runs.filter((r) => r.kind === kind));
  const suiteRuns = byKind('suite');
  const index = new Map(suiteRuns.map((p, i) => [p.run.runId, i]));

  // Per project and suite run: its engine and outcomes.
  const engineAt = new Map<string, Map<number, { version: string | null; status: string }>>();
  for (const e of contents.engines) {
    const i = index.get(e.runId);
    if (i === undefined) continue;
    if (!engineAt.has(e.project)) engineAt.set(e.project, new Map());
    engineAt.get(e.project)!.set(i, { version: e.version, status: e.status });
  }
  const outcomesAt = new Map<string, Map<number, Map<string, { kind: string; text: string }>>>();
  for (const o of contents.outcomes) {
    const i = index.get(o.runId);
    if (i === undefined) continue;
    if (!outcomesAt.has(o.project)) outcomesAt.set(o.project, new Map());
    const perRun = outcomesAt.get(o.project)!;
    if (!perRun.has(i)) perRun.set(i, new Map());
    perRun.get(i)!.set(o.item, { kind: o.kind, text: o.text });
  }

  const projects = [...engineAt.keys()].sort(byProject);
  const share: ShareSeries[] = projects.map((project) => ({
    project,
    points: [...(outcomesAt.get(project) ?? new Map()).entries()]
      .sort(([a], [b]) => a - b)
      .map(([i, items]) => {
        const judged = [...items.values()].filter((o) => JUDGED.has(o.kind));
        const passing = judged.filter((o) => !failing(o.kind)).length;
        return {
          n: i + 1,
          passing,
          judged: judged.length,
          share: judged.length ? passing / judged.length : 1,
          version: engineAt.get(project)?.get(i)?.version ?? null,
        };
      }),
  }));

  const failingNow: FailingSince[] = [];
  const versions: VersionChange[] = [];
  for (const project of projects) {
    const engines = engineAt.get(project)!;
    const ran = [...engines.keys()].sort((a, b) => a - b);
    for (let k = 1; k < ran.length; k++) {
      const from = engines.get(ran[k - 1]!)!.version;
      const to = engines.get(ran[k]!)!.version;
      if (from !== to) versions.push({ project, at: suiteRuns[ran[k]!]!, from, to });
    }
    const perRun = outcomesAt.get(project);
    if (!perRun) continue;
    const withOutcomes = [...perRun.keys()].sort((a, b) => a - b);
    const latest = withOutcomes.at(-1);
    if (latest === undefined) continue;
    for (const [item, now] of perRun.get(latest)!) {
      if (!failing(now.kind)) continue;
      // Walk back while the item fails; the streak began at the last run where it did.
      let k = withOutcomes.length - 1;
      while (k > 0) {
        const earlier = perRun.get(withOutcomes[k - 1]!)!.get(item);
        if (!earlier || !failing(earlier.kind)) break;
        k--;
      }
      const began = withOutcomes[k]!;
      const before = k > 0 ? withOutcomes[k - 1]! : null;
      const version = engines.get(began)?.version ?? null;
      const versionBefore = before === null ? null : (engines.get(before)?.version ?? null);
      failingNow.push({
        project,
        item,
        text: now.text,
        since: suiteRuns[began]!,
        version,
        versionBefore: versionBefore === version ? null : versionBefore,
        newItem: before !== null && !perRun.get(before)!.has(item),
      });
    }
  }
  failingNow.sort((a, b) => b.since.n - a.since.n || a.project.localeCompare(b.project) || a.item.localeCompare(b.item));

  const charts = MEASURE_KINDS.flatMap((kind) => chartsOf(contents, kind, kind === 'suite' ? suiteRuns : byKind(kind)));
  const wall = suiteRuns.filter((p) => p.run.wallMs !== null);
  if (wall.length)
    charts.splice(charts.filter((c) => c.kind === 'suite').length, 0, {
      kind: 'suite',
      title: 'run.wall',
      unit: 'ms',
      runs: suiteRuns,
      series: [{ label: 'wall time', project: '', points: wall.map((p) => ({ n: p.n, value: p.run.wallMs! })) }],
    });

  return {
    subject,
    otherSubjects,
    suiteRuns,
    allRuns: contents.runs,
    share,
    failingNow,
    versions,
    charts,
  };
}
