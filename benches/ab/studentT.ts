// Critical values of Student's t at any confidence, for the whole-number degrees of freedom a
// paired interval has (n − 1). The stopping rule (stoppingRule.ts) splits 5 % over several looks,
// so it needs quantiles far out in the tail (99.4 % and beyond) that no short table holds. For a
// whole number ν the distribution function is a finite trigonometric sum (Abramowitz & Stegun,
// Handbook of Mathematical Functions, 26.7.3 and 26.7.4), exact up to rounding; it is inverted by
// bisection, and the results are kept, since the sampler asks for the same few again and again.

/** P(|T| ≤ t) for Student's t with ν degrees of freedom (A&S 26.7.3 for odd ν, 26.7.4 for even). */
export function tCentralProbability(t: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`Student's t needs a whole number ≥ 1 of degrees of freedom, got ${df}`);
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const cos2 = Math.cos(theta) ** 2;
  if (df % 2 === 1) {
    if (df === 1) return (2 * theta) / Math.PI;
    let term = Math.cos(theta);
    let sum = term;
    for (let k = 1; k <= (df - 3) / 2; k++) sum += term *= ((2 * k) / (2 * k + 1)) * cos2;
    return (2 / Math.PI) * (theta + Math.sin(theta) * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= (df - 2) / 2; k++) sum += term *= ((2 * k - 1) / (2 * k)) * cos2;
  return Math.sin(theta) * sum;
}

const known = new Map<string, number>();

/** The t with P(|T| ≤ t) = confidence: the half-width of a two-sided interval, in standard errors. */
export function tCritical(confidence: number, df: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`a confidence must lie strictly between 0 and 1, got ${confidence}`);
  const key = `${confidence} ${df}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  let low = 0;
  let high = 1;
  while (tCentralProbability(high, df) < confidence) high *= 2;
  while (high - low > 1e-12 * high) {
    const mid = (low + high) / 2;
    if (tCentralProbability(mid, df) < confidence) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  known.set(key, t);
  return t;
}
