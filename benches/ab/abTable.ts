// The A/B check as a table: the terminal, reports/bench/ab.md and the pull request's comment.
import { formatMs } from '../report/format.ts';
import { describeDifference } from './verdict.ts';
import type { AbRun, AbTaskResult } from './schema.ts';

const HEADER = ['task', 'A median', 'B median', 'B against A (95% CI)', 'verdict', 'rounds'];

function row(t: AbTaskResult): string[] {
  const ms = (x: number | null) => (x === null ? '—' : formatMs(x));
  if (t.status !== 'ok') return [t.key, '—', '—', t.status === 'unequal' ? 'outputs differ: not timed' : `error: ${t.error ?? ''}`, t.status, '0'];
  const ci = t.ratio !== null && t.low !== null && t.high !== null ? { ratio: t.ratio, low: t.low, high: t.high, n: t.rounds.length } : null;
  const stopped = t.stoppedBy === 'time' ? ' (time cap)' : t.stoppedBy === 'max-rounds' ? ' (round cap)' : '';
  return [t.key, ms(t.aMedian), ms(t.bMedian), describeDifference(ci), t.verdict === 'slower' ? '**slower**' : (t.verdict ?? '—'), `${t.rounds.length}${stopped}`];
}

export function describeBuild(run: AbRun, which: 'a' | 'b'): string {
  const b = run[which];
  const commit = b.commit ? ` ${b.commit.slice(0, 12)}` : '';
  return `${which.toUpperCase()} = ${b.label}${commit} (${b.chosenBecause}), .wasm ${b.wasmSha256.slice(0, 12)}…`;
}

export function verdictLine(run: AbRun): string {
  return run.slower.length ? `SLOWER: ${run.slower.join(', ')}` : 'no task slower beyond the horizon';
}

/** Markdown: a heading, what A and B are, the table, the verdict. */
export function renderAbMarkdown(run: AbRun): string {
  const lines = [
    `## A/B check (${run.project}): B against A, measured side by side`,
    '',
    `- ${describeBuild(run, 'a')}`,
    `- ${describeBuild(run, 'b')}`,
    `- horizon ±${run.horizonPct} %; ${run.environment.runtime}, ${run.environment.cpus} CPUs, load average ${run.environment.loadAverage?.start.map((l) => l.toFixed(2)).join(' ') ?? '—'} → ${run.environment.loadAverage?.end.map((l) => l.toFixed(2)).join(' ') ?? '—'}; ${(run.durationMs / 1000).toFixed(0)} s${run.twinsCompared ? '' : '; the twins are the same in both builds, so only WASM (and the loading routes) are compared'}`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...run.tasks.map((t) => `| ${row(t).map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`),
    '',
    run.slower.length ? `**${verdictLine(run)}**` : `${verdictLine(run)[0]!.toUpperCase()}${verdictLine(run).slice(1)}.`,
    '',
  ];
  return lines.join('\n');
}

/** Plain text columns for the terminal. */
export function renderAbText(tasks: readonly AbTaskResult[]): string {
  const rows = [HEADER, ...tasks.map((t) => row(t).map((c) => c.replaceAll('**', '')))];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
