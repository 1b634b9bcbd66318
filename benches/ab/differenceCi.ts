// How much slower or faster B is than A, with a 95% confidence interval, from interleaved rounds.
// Each round times A and B back to back on the same task, so whatever the machine was doing then
// (another process, a frequency change) weighs on both: the round's pair is one observation,
//   d_i = ln(B_i / A_i)      (B_i, A_i: each turn's fastest tinybench sample, ms: sampleRound.ts)
// and the interval is Student's t over the n paired log-ratios (n − 1 degrees of freedom),
// taken back to a time ratio:  exp(mean(d) ± t_{0.975, n−1} · sd(d) / √n).
// Logs make the ratio symmetric (2× slower and 2× faster are equally far from 1) and per-round
// ratios cancel load that changes between rounds.

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06,
  2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959963984540054;

/** The 0.975 quantile of Student's t: the table, then the Cornish–Fisher expansion (error < 1e-4 past 30). */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`Student's t needs at least 1 degree of freedom, got ${df}`);
  if (df <= T_975.length) return T_975[Math.floor(df) - 1]!;
  const z = Z_975;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}

/** One round: the two builds' times for the same task, in the same unit. */
export interface RoundPair {
  a: number;
  b: number;
}

/** B's time over A's: the estimate and its 95% interval (1 = the same; 1.2 = B takes 20% longer). */
export interface RatioCi {
  ratio: number;
  low: number;
  high: number;
  /** Rounds the interval rests on. */
  n: number;
}

/** The interval over paired rounds; null with fewer than two (no spread to estimate). */
export function differenceCi(rounds: readonly RoundPair[]): RatioCi | null {
  const d = rounds.filter((r) => r.a > 0 && r.b > 0).map((r) => Math.log(r.b / r.a));
  const n = d.length;
  if (n < 2) return null;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { ratio: Math.exp(mean), low: Math.exp(mean - half), high: Math.exp(mean + half), n };
}

/** A time ratio as a change in percent: 1.25 → +25, 0.8 → −20. */
export function changePct(ratio: number): number {
  return (ratio - 1) * 100;
}
