// The A/B check's stopping rule (benches/ab/stoppingRule.ts) on simulated sequences: the real
// sampler (autoSample) given fake tasks whose per-round log-ratios come from a seeded generator,
// so every figure below is the same on every run and the test cannot be flaky. Under A = B a
// sequence "settles falsely" when it stops on a verdict whose interval leaves out B/A = 1; the
// rule must keep that at 5 % or less, where the rule the check had before (a 95 % interval
// after every round, stop at the first that settles) does not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { autoSample, type SampledTask, type TaskOutcome } from '../../benches/ab/autoSample.ts';
import { type LookPlan, lookPlan } from '../../benches/ab/stoppingRule.ts';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(uniform: () => number): number {
  const u = 1 - uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
}

/** A task whose round i has ln(B/A) = ln(trueRatio) + sigma · z_i. */
function simulatedTask(seed: number, trueRatio: number, sigma: number): SampledTask {
  const uniform = seeded(seed);
  return {
    key: `sequence ${seed}`,
    turn: async (build, warm) => (build === 'A' || warm ? 1 : trueRatio * Math.exp(sigma * normal(uniform))),
  };
}

interface Rates {
  /** Stopped on a verdict whose interval leaves out the true ratio. */
  falseSettle: number;
  /** Ended `slower`. */
  slower: number;
  /** Ended with any verdict but unsure. */
  settled: number;
  meanRounds: number;
}

const SEQUENCES = 2000;

async function simulate(plan: LookPlan, o: { trueRatio: number; sigma: number; horizonPct: number }): Promise<Rates> {
  const tasks = Array.from({ length: SEQUENCES }, (_, i) => simulatedTask(i + 1, o.trueRatio, o.sigma));
  const outcomes = await autoSample(tasks, {
    horizonPct: o.horizonPct,
    minRounds: plan.looks[0]!,
    maxRounds: plan.looks.at(-1)!,
    plan,
    outOfTime: () => false,
  });
  const share = (pick: (x: TaskOutcome) => boolean) => outcomes.filter(pick).length / outcomes.length;
  const settled = (x: TaskOutcome) => x.verdict !== 'unsure';
  return {
    falseSettle: share((x) => settled(x) && (x.ci!.low > o.trueRatio || x.ci!.high < o.trueRatio)),
    slower: share((x) => x.verdict === 'slower'),
    settled: share(settled),
    meanRounds: outcomes.reduce((s, x) => s + x.rounds.length, 0) / outcomes.length,
  };
}

const rounds = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The rule before: a 95 % interval after every round from 6 to 60, stop at the first that settles. */
const LOOK_EVERY_ROUND: LookPlan = { looks: rounds(6, 60), spentOver: 1, perLookConfidence: 0.95, description: 'the old rule' };
const RULE = lookPlan(6, 60);

describe('the looks', () => {
  test('fixed in advance: the first, ×1.5 rounded up, the last; the 5 % split over them and the time cap', () => {
    assert.deepEqual(RULE.looks, [6, 9, 14, 21, 32, 48, 60]);
    assert.equal(RULE.spentOver, 8);
    assert.equal(RULE.perLookConfidence, 1 - 0.05 / 8);
    assert.match(
      RULE.description,
      /^95 % over every look: Bonferroni over 8 looks \(rounds 6, 9, 14, 21, 32, 48, 60 and the time cap\), each interval at 99\.375 %$/,
    );
    assert.deepEqual(lookPlan(6, 6).looks, [6]);
    assert.equal(lookPlan(6, 6).perLookConfidence, 0.975);
    assert.throws(() => lookPlan(1, 10), /whole number ≥ 2 of rounds, got 1/);
    assert.throws(() => lookPlan(6, 5), /the last look \(5 rounds\) must be a whole number ≥ the first \(6\)/);
  });
});

describe('under A = B, over 2000 seeded sequences', () => {
  // From a quiet kernel (2 % scatter of B/A per round) to one so noisy that 60 rounds never
  // settle "no change" (100 %): there the old rule is a repeated test at every round.
  for (const sigma of [0.02, 0.1, 0.3, 1]) {
    test(`per-round scatter ${sigma * 100} %, horizon ±10 %: at most 5 % settle falsely`, async () => {
      const r = await simulate(RULE, { trueRatio: 1, sigma, horizonPct: 10 });
      assert.ok(r.falseSettle <= 0.05, `false settles ${r.falseSettle}`);
      assert.ok(r.slower <= 0.025, `slower ${r.slower}`);
    });
  }

  test('the case that breaks the old rule: a noisy task (10 % per round) against a 1 % horizon', async () => {
    const old = await simulate(LOOK_EVERY_ROUND, { trueRatio: 1, sigma: 0.1, horizonPct: 1 });
    const now = await simulate(RULE, { trueRatio: 1, sigma: 0.1, horizonPct: 1 });
    // Each look is a fresh 5 % chance, and stopping at the first settled one keeps it.
    assert.ok(old.falseSettle > 0.1, `the old rule settled ${old.falseSettle} of the sequences falsely`);
    assert.ok(old.slower > 0.05, `the old rule called ${old.slower} slower`);
    assert.ok(now.falseSettle <= 0.05, `the rule settled ${now.falseSettle} falsely`);
  });

  test('and at the default horizon, once no sequence can settle "no change" in 60 rounds', async () => {
    const old = await simulate(LOOK_EVERY_ROUND, { trueRatio: 1, sigma: 1, horizonPct: 10 });
    const now = await simulate(RULE, { trueRatio: 1, sigma: 1, horizonPct: 10 });
    assert.ok(old.falseSettle > 0.1, `the old rule settled ${old.falseSettle} falsely`);
    assert.ok(now.falseSettle <= 0.05, `the rule settled ${now.falseSettle} falsely`);
  });

  test('a quiet task still settles "no change" at the first look', async () => {
    const r = await simulate(RULE, { trueRatio: 1, sigma: 0.02, horizonPct: 10 });
    assert.equal(r.settled, 1);
    assert.equal(r.meanRounds, 6);
  });
});

describe('a 20 % slowdown, over 2000 seeded sequences', () => {
  test('caught every time with 5 % scatter per round, within two looks; almost every time with 10 %', async () => {
    const quiet = await simulate(RULE, { trueRatio: 1.2, sigma: 0.05, horizonPct: 10 });
    assert.equal(quiet.slower, 1);
    assert.ok(quiet.meanRounds < 9, `mean rounds ${quiet.meanRounds}`);
    const noisy = await simulate(RULE, { trueRatio: 1.2, sigma: 0.1, horizonPct: 10 });
    assert.ok(noisy.slower >= 0.99, `caught ${noisy.slower}`);
  });
});

describe('the time cap', () => {
  /** B 1.5× A every round but the first, where it is 0.5×: unsure at 14 rounds, slower from 17 on. */
  const outlierFirst = (): SampledTask => {
    let round = 0;
    return { key: 'outlier first', turn: async (build, warm) => (build === 'A' || warm ? 1 : round++ === 0 ? 0.5 : 1.5) };
  };
  /** outOfTime() is asked once before each round of a lone task: the budget runs out after `rounds`. */
  const capAfter = (rounds: number) => {
    let asked = 0;
    return () => asked++ >= rounds;
  };
  const options = { horizonPct: 10, minRounds: 6, maxRounds: 60 };

  test('a task the budget cuts between two looks is judged once more, at the per-look confidence, and can settle there', async () => {
    const [free] = await autoSample([outlierFirst()], { ...options, outOfTime: () => false });
    assert.deepEqual([free!.verdict, free!.stoppedBy, free!.rounds.length], ['slower', 'resolved', 21], 'unsure at the looks of 6, 9 and 14 rounds');
    const [capped] = await autoSample([outlierFirst()], { ...options, outOfTime: capAfter(17) });
    assert.deepEqual([capped!.verdict, capped!.stoppedBy, capped!.rounds.length], ['slower', 'time', 17]);
  });

  test('fewer rounds than the first look give no verdict', async () => {
    const [early] = await autoSample([outlierFirst()], { ...options, outOfTime: capAfter(5) });
    assert.deepEqual([early!.verdict, early!.stoppedBy, early!.rounds.length], ['unsure', 'time', 5]);
  });
});
