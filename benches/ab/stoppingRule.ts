// When the A/B check judges a task, and at what confidence, so that the interval a task stops
// with covers B's true time over A's at least 95 % of the time, however many looks it took.
//
// Why not "stop at the first 95 % interval that settles": each look at accumulating data is
// another 5 % chance of a wrong interval, and stopping on the first one that settles keeps it.
// Repeated 5 % tests on growing data reject a true null far more often than 5 % (Armitage,
// McPherson & Rowe 1969, "Repeated significance tests on accumulating data", J. R. Stat. Soc. A
// 132(2):235–244). Simulated here (tests/unit/benchAbStopping.test.ts): a look after every round
// from 6 to 60 settled 12 % of noisy A = B sequences on an interval that left out 1 (6 % as
// slower), the rule below 1.1 %.
//
// The rule: repeated confidence intervals (Jennison & Turnbull 1989, "Interim analyses: the
// repeated confidence interval approach", J. R. Stat. Soc. B 51(3):305–361), with the 5 % split
// evenly over a number of looks fixed before any round is timed (Bonferroni's inequality; the
// simplest of the alpha-spending boundaries in Jennison & Turnbull, Group Sequential Methods
// with Applications to Clinical Trials, 2000). Looks fall at `minRounds`, then each 1.5 times the
// one before (rounded up), and at `maxRounds`; one more look is kept for the time cap (a task
// judged with the rounds it has when the budget runs out). With K scheduled looks each interval
// is taken at 1 − 0.05 / (K + 1): P(some look's interval misses) ≤ (K + 1) · 0.05 / (K + 1), whatever
// the dependence between the looks, so the interval at whichever look a task stops covers with
// at least 95 %. The cap's look counts as one of the K + 1 as long as when the clock runs out does
// not depend on the log-ratios themselves (load slows A and B alike within a round).
// The price: wider intervals at each look (t₀.₉₉₇, 4.5 instead of 2.6 at 6 rounds), so a task needs
// more rounds to settle; a 20 % slowdown of a quiet kernel still settles at the first look.

/** The coverage the intervals hold together, over every look. */
export const OVERALL_CONFIDENCE = 0.95;
/** Each look after the first comes at 1.5 times the rounds of the one before. */
export const LOOK_GROWTH = 1.5;

export interface LookPlan {
  /** The rounds at which a task is judged, rising; fixed before any round is timed. */
  looks: number[];
  /** Looks the 5 % is split over: the scheduled ones and the time cap's. */
  spentOver: number;
  /** The confidence of each look's interval. */
  perLookConfidence: number;
  /** The rule in words, for the reports. */
  description: string;
}

/** The looks for `minRounds`…`maxRounds` and each one's confidence. */
export function lookPlan(minRounds: number, maxRounds: number, overall = OVERALL_CONFIDENCE): LookPlan {
  if (!Number.isInteger(minRounds) || minRounds < 2) throw new RangeError(`the first look needs a whole number ≥ 2 of rounds, got ${minRounds}`);
  if (!Number.isInteger(maxRounds) || maxRounds < minRounds)
    throw new RangeError(`the last look (${maxRounds} rounds) must be a whole number ≥ the first (${minRounds})`);
  if (!(overall > 0 && overall < 1)) throw new RangeError(`the overall confidence must lie strictly between 0 and 1, got ${overall}`);
  const looks = [minRounds];
  while (looks.at(-1)! < maxRounds) looks.push(Math.min(maxRounds, Math.ceil(looks.at(-1)! * LOOK_GROWTH)));
  const spentOver = looks.length + 1;
  const perLookConfidence = 1 - (1 - overall) / spentOver;
  const pct = (x: number) => `${Number((x * 100).toFixed(3))} %`;
  const description = `${pct(overall)} over every look: Bonferroni over ${spentOver} looks (rounds ${looks.join(', ')} and the time cap), each interval at ${pct(perLookConfidence)}`;
  return { looks, spentOver, perLookConfidence, description };
}
