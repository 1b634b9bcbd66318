// How much slower or faster B is than A, with a confidence interval, from interleaved rounds.
// Each round times A and B back to back on the same task, so whatever the machine was doing then
// (another process, a frequency change) weighs on both: the round's pair is one observation,
//   d_i = ln(B_i / A_i)      (B_i, A_i: each turn's fastest tinybench sample, ms: sampleRound.ts)
// and the interval is Student's t over the n paired log-ratios (n − 1 degrees of freedom),
// taken back to a time ratio:  exp(mean(d) ± t_{c, n−1} · sd(d) / √n).
// Logs make the ratio symmetric (2× slower and 2× faster are equally far from 1) and per-round
// ratios cancel load that changes between rounds. The confidence c of one interval is the
// stopping rule's per-look level (stoppingRule.ts), so that the intervals of every look hold
// together at 95 %.
import { tCritical } from './studentT.ts';

/** One round: the two builds' times for the same task, in the same unit. */
export interface RoundPair {
  a: number;
  b: number;
}

/** B's time over A's: the estimate and its interval (1 = the same; 1.2 = B takes 20% longer). */
export interface RatioCi {
  ratio: number;
  low: number;
  high: number;
  /** Rounds the interval rests on. */
  n: number;
}

/** The interval over paired rounds at `confidence`; null with fewer than two (no spread to estimate). */
export function differenceCi(rounds: readonly RoundPair[], confidence: number): RatioCi | null {
  const d = rounds.filter((r) => r.a > 0 && r.b > 0).map((r) => Math.log(r.b / r.a));
  const n = d.length;
  if (n < 2) return null;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = (tCritical(confidence, n - 1) * sd) / Math.sqrt(n);
  return { ratio: Math.exp(mean), low: Math.exp(mean - half), high: Math.exp(mean + half), n };
}

/** A time ratio as a change in percent: 1.25 → +25, 0.8 → −20. */
export function changePct(ratio: number): number {
  return (ratio - 1) * 100;
}
