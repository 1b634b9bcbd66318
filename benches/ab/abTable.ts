// The A/B check as a table: the terminal, reports/bench/ab.md and the pull request's comment.
import { formatMs } from '../report/format.ts';
import { exitLine, type FindingKind, gateFindings } from './gate.ts';
import { describeDifference } from './verdict.ts';
import type { AbRun, AbTaskResult } from './schema.ts';

const HEADER = ['task', 'A median', 'B median', 'B against A (95% CI)', 'verdict', 'rounds'];

function row(t: AbTaskResult): string[] {
  const ms = (x: number | null) => (x === null ? '—' : formatMs(x));
  if (t.status !== 'ok') return [t.key, '—', '—', t.status === 'unequal' ? 'outputs differ: not timed' : `error: ${t.error ?? ''}`, t.status, '0'];
  const ci = t.ratio !== null && t.low !== null && t.high !== null ? { ratio: t.ratio, low: t.low, high: t.high, n: t.rounds.length } : null;
  const stopped = t.stoppedBy === 'time' ? ' (time cap)' : t.stoppedBy === 'max-rounds' ? ' (round cap)' : '';
  return [
    t.key,
    ms(t.aMedian),
    ms(t.bMedian),
    describeDifference(ci),
    t.verdict === 'slower' ? '**slower**' : (t.verdict ?? '—'),
    `${t.rounds.length}${stopped}`,
  ];
}

export function describeBuild(run: AbRun, which: 'a' | 'b'): string {
  const b = run[which];
  const commit = b.commit ? ` ${b.commit.slice(0, 12)}` : '';
  return `${which.toUpperCase()} = ${b.label}${commit} (${b.chosenBecause}), .wasm ${b.wasmSha256.slice(0, 12)}…`;
}

const HEADLINE: Record<FindingKind, string> = {
  slower: 'SLOWER',
  error: 'ERROR, no verdict',
  unequal: 'OUTPUTS DIFFER, not timed',
  unsure: 'UNSURE, B may be slower',
};

const ALL_DECIDED = 'no task slower beyond the horizon';

/**
 * The check's verdict, a line per kind of finding (gate.ts), found slowdowns first. "No task
 * slower" only when every task was decided: an unsure, untimed or failed task might be slower.
 */
export function verdictLines(run: AbRun): string[] {
  const acceptUnsure = run.gate?.acceptUnsure ?? false;
  const findings = gateFindings(run.tasks, { horizonPct: run.horizonPct, maxRounds: run.maxRounds, maxSamplingSeconds: run.maxSamplingSeconds, acceptUnsure });
  const lines = (['slower', 'error', 'unequal', 'unsure'] as const).flatMap((kind) => {
    const tasks = findings.filter((f) => f.kind === kind).map((f) => f.task);
    if (!tasks.length) return [];
    return [`${kind === 'unsure' && acceptUnsure ? 'UNSURE, accepted with --accept-unsure' : HEADLINE[kind]}: ${tasks.join(', ')}`];
  });
  return lines.length ? lines : [ALL_DECIDED];
}

/** Markdown: a heading, what A and B are, the table, the verdict. */
export function renderAbMarkdown(run: AbRun): string {
  const verdict = verdictLines(run);
  const decided = verdict[0] === ALL_DECIDED;
  const undecided = verdict.filter((line) => !line.startsWith('SLOWER'));
  const lines = [
    `## A/B check (${run.project}${run.benchmarks === 'crate' ? ', the crate’s #[wasm_bindgen_bench] benchmarks' : ''}): B against A, measured side by side`,
    '',
    `- ${describeBuild(run, 'a')}`,
    `- ${describeBuild(run, 'b')}`,
    `- horizon ±${run.horizonPct} %; ${run.environment.runtime}, ${run.environment.cpus} CPUs, load average ${run.environment.loadAverage?.start.map((l) => l.toFixed(2)).join(' ') ?? '—'} → ${run.environment.loadAverage?.end.map((l) => l.toFixed(2)).join(' ') ?? '—'}; ${(run.durationMs / 1000).toFixed(0)} s${run.benchmarks === 'crate' ? `; each build's bench binaries, a run each per round (${(run.turnMs / 1000).toFixed(1)} s a run), criterion's fastest sample per iteration` : run.twinsCompared ? '' : '; the twins are the same in both builds, so only WASM (and the loading routes) are compared'}`,
    ...(run.stoppingRule ? [`- intervals: ${run.stoppingRule.description}`] : []),
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...run.tasks.map(
      (t) =>
        `| ${row(t)
          .map((c) => c.replaceAll('|', '\\|'))
          .join(' | ')} |`,
    ),
    '',
    ...(decided ? ['No task slower beyond the horizon.'] : verdict.map((line) => `**${line}**`)),
    ...(decided || !undecided.length ? [] : ['', 'The check did not decide every task: it does not say that B is not slower in those.']),
    ...(run.gate ? ['', `${exitLine(run.gate.exitCode).replace('bench: the', 'The')}.`] : []),
    '',
  ];
  return lines.join('\n');
}

/** Plain text columns for the terminal. */
export function renderAbText(tasks: readonly AbTaskResult[]): string {
  const rows = [HEADER, ...tasks.map((t) => row(t).map((c) => c.replaceAll('**', '')))];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
