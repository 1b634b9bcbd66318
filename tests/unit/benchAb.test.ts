// The A/B check (benches/ab/): its statistics on fixed numbers (Student's t, the interval over
// paired log-ratios, the verdict rules, the interleaving), the sampler's rules on fake tasks, and
// the whole machinery at small scale on a cheap pure-JS pair timed for real: the same code as A
// and B is never called slower; B doing twice A's work is. No test asserts a wall-clock time: the
// real runs are judged by their verdicts, and the 2× effect is far beyond any noise of a busy machine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderAbMarkdown } from '../../benches/ab/abTable.ts';
import { prepareTasks } from '../../benches/ab/abTasks.ts';
import { autoSample, type SampledTask } from '../../benches/ab/autoSample.ts';
import { chooseRef } from '../../benches/ab/buildRef.ts';
import { buildDifferences } from '../../benches/ab/settleBuilds.ts';
import { changePct, differenceCi } from '../../benches/ab/differenceCi.ts';
import { type Build, interleaving, roundOrder } from '../../benches/ab/interleave.ts';
import { tCritical } from '../../benches/ab/studentT.ts';
import type { AbRun } from '../../benches/ab/schema.ts';
import { median, slowerTasks, taskResults } from '../../benches/ab/taskResults.ts';
import { describeDifference, verdictOf } from '../../benches/ab/verdict.ts';
import type { BenchContext, BenchSuite } from '../../benches/suites/types.ts';
import { pair } from '../../benches/suites/types.ts';
import { childEnvironment } from '../../settings/environment.ts';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} ≉ ${expected}`);
const ci = (low: number, high: number) => ({ ratio: Math.sqrt(low * high), low, high, n: 6 });

describe("Student's t and the interval", () => {
  test("critical values of Student's t agree with the printed tables, far into the tail too", () => {
    // Two-sided 95 %, 99 %, 99.9 % (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    close(tCritical(0.95, 1), 12.7062, 1e-4);
    close(tCritical(0.95, 2), 4.3027, 1e-4);
    close(tCritical(0.95, 5), 2.5706, 1e-4);
    close(tCritical(0.95, 30), 2.0423, 1e-4);
    close(tCritical(0.95, 60), 2.0003, 1e-4);
    close(tCritical(0.95, 120), 1.9799, 1e-4);
    close(tCritical(0.99, 10), 3.1693, 1e-4);
    close(tCritical(0.999, 5), 6.8688, 1e-4);
    close(tCritical(0.999, 100), 3.3905, 1e-4);
    assert.throws(() => tCritical(0.95, 0), /whole number ≥ 1 of degrees of freedom, got 0/);
    assert.throws(() => tCritical(1, 5), /strictly between 0 and 1, got 1/);
  });

  test('paired log-ratios 0.1, 0.2, 0.3: mean 0.2, sd 0.1, t(2) = 4.303', () => {
    const rounds = [0.1, 0.2, 0.3].map((d) => ({ a: 2, b: 2 * Math.exp(d) }));
    const r = differenceCi(rounds, 0.95)!;
    const half = (tCritical(0.95, 2) * 0.1) / Math.sqrt(3);
    assert.equal(r.n, 3);
    close(r.ratio, Math.exp(0.2));
    close(r.low, Math.exp(0.2 - half));
    close(r.high, Math.exp(0.2 + half));
  });

  test('B exactly 20% slower every round: the interval is the point 1.2; fewer than two rounds give none', () => {
    const r = differenceCi(
      [1, 3, 10, 0.5].map((a) => ({ a, b: a * 1.2 })),
      0.95,
    )!;
    close(r.ratio, 1.2);
    close(r.low, 1.2);
    close(r.high, 1.2);
    close(changePct(r.ratio), 20);
    assert.equal(differenceCi([{ a: 1, b: 2 }], 0.95), null);
    assert.equal(differenceCi([], 0.95), null);
  });

  test('the ratio is symmetric in logs: B twice as slow and B twice as fast are equally far from 1', () => {
    const slow = differenceCi(
      [1, 2, 3].map((a) => ({ a, b: 2 * a })),
      0.95,
    )!;
    const fast = differenceCi(
      [1, 2, 3].map((a) => ({ a, b: a / 2 })),
      0.95,
    )!;
    close(Math.log(slow.ratio), -Math.log(fast.ratio));
  });
});

describe('verdicts against the horizon', () => {
  test('slower only when the whole interval lies above +h; faster below −h; no change within ±h; else unsure', () => {
    assert.equal(verdictOf(ci(1.15, 1.25), 10), 'slower');
    assert.equal(verdictOf(ci(0.8, 0.85), 10), 'faster');
    assert.equal(verdictOf(ci(0.95, 1.05), 10), 'no change');
    assert.equal(verdictOf(ci(1.05, 1.15), 10), 'unsure', 'straddles +10%');
    assert.equal(verdictOf(ci(0.85, 0.95), 10), 'unsure', 'straddles −10%');
    assert.equal(verdictOf(ci(0.8, 1.3), 10), 'unsure', 'too wide to say anything');
    assert.equal(verdictOf(ci(1.09, 1.0999), 10), 'no change', 'just inside the horizon');
    assert.equal(verdictOf(null, 10), 'unsure');
    assert.equal(verdictOf(ci(1.06, 1.08), 5), 'slower', 'the horizon is an option');
  });

  test('the interval in words', () => {
    assert.equal(describeDifference(ci(1.18, 1.24)), 'slower by 18–24 %');
    assert.equal(describeDifference(ci(0.91, 0.97)), 'faster by 3.0–9.0 %');
    assert.equal(describeDifference(ci(0.979, 1.034)), '−2.1 % to +3.4 %');
    assert.equal(describeDifference(null), '—');
  });
});

describe('interleaving', () => {
  test('A, B, B, A, A, B, …: each build goes first in every other round', () => {
    assert.deepEqual(interleaving(3), ['A', 'B', 'B', 'A', 'A', 'B']);
    assert.deepEqual(roundOrder(0), ['A', 'B']);
    assert.deepEqual(roundOrder(7), ['B', 'A']);
  });
});

/** A fake task: B's time is `factor` × A's, with a deterministic wobble per turn. */
function fakeTask(key: string, factor: number, wobble: (turn: number) => number, order: Build[] = []): SampledTask {
  let turn = 0;
  return {
    key,
    turn: async (build, warm) => {
      if (!warm) order.push(build);
      return (build === 'B' ? factor : 1) * (1 + wobble(turn++));
    },
  };
}

describe('the sampler', () => {
  const options = { horizonPct: 10, minRounds: 6, maxRounds: 30, outOfTime: () => false };

  test('resolved tasks stop at the minimum; an unsure one gets rounds until its cap; the order interleaves', async () => {
    const order: Build[] = [];
    const [same, slow, noisy] = await autoSample(
      [
        fakeTask('same', 1, (t) => (t % 3) * 0.001, order),
        fakeTask('slow', 2, (t) => (t % 2) * 0.01),
        // B 10% slower, ±0–30% wobble: the interval keeps straddling +10%.
        fakeTask('noisy', 1.1, (t) => [0, 0.3, 0.05, 0.25, 0.1][t % 5]!),
      ],
      options,
    );
    assert.equal(same!.verdict, 'no change');
    assert.equal(same!.rounds.length, 6);
    assert.equal(same!.stoppedBy, 'resolved');
    assert.deepEqual(order, interleaving(6), 'the rounds after the discarded warm-up round go A B, B A, …');
    assert.equal(slow!.verdict, 'slower');
    close(slow!.ci!.ratio, 2, 0.02);
    assert.equal(noisy!.verdict, 'unsure');
    assert.equal(noisy!.rounds.length, 30);
    assert.equal(noisy!.stoppedBy, 'max-rounds');
  });

  test('the time budget ends the rounds; a task that throws is an error, not a verdict', async () => {
    let turns = 0;
    const counting: SampledTask = { key: 'counting', turn: async () => ++turns };
    const failing: SampledTask = {
      key: 'failing',
      turn: async () => {
        throw new Error('the kernel trapped');
      },
    };
    let calls = 0;
    const [counted, failed] = await autoSample([counting, failing], { ...options, outOfTime: () => ++calls > 3 });
    assert.equal(counted!.stoppedBy, 'time');
    assert.ok(counted!.rounds.length < options.minRounds);
    assert.equal(failed!.stoppedBy, 'error');
    assert.match(failed!.error!, /the kernel trapped/);
  });
});

describe('reports', () => {
  test('medians, the slower list and the table', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(median([]), null);
    const prepared = [
      { key: 'math.sieve WASM', pairId: 'math.sieve', suite: 'math', side: 'WASM', status: 'ok' as const, error: null, batch: 1, sampled: null },
      {
        key: 'arrays.sum WASM',
        pairId: 'arrays.sum',
        suite: 'arrays',
        side: 'WASM',
        status: 'unequal' as const,
        error: 'output[0]: 1 vs 2',
        batch: null,
        sampled: null,
      },
    ];
    const rounds = [1, 2, 3].map((a) => ({ a, b: a * 1.3 }));
    const tasks = taskResults(prepared, [
      { key: 'math.sieve WASM', rounds, ci: differenceCi(rounds, 0.95), verdict: 'slower', stoppedBy: 'resolved', error: null },
    ]);
    assert.deepEqual(slowerTasks(tasks), ['math.sieve WASM']);
    assert.equal(tasks[0]!.aMedian, 2);
    close(tasks[0]!.bMedian!, 2.6);
    assert.equal(tasks[1]!.verdict, null);
    const build = { label: 'x', commit: null, chosenBecause: 'y', pkgDir: '/p', wasmSha256: 'ab'.repeat(32), wasmBytes: 1, build: null };
    const run: AbRun = {
      schema: 1,
      kind: 'wasm-compat-bench-ab',
      project: 'node',
      a: build,
      b: build,
      horizonPct: 10,
      confidence: 0.95,
      turnMs: 40,
      minRounds: 6,
      maxRounds: 60,
      maxSamplingSeconds: 110,
      twinsCompared: false,
      environment: { runtime: 'node 20', cpus: 2, loadAverage: { start: [1, 1, 1], end: [1, 1, 1] } },
      startedAt: '',
      finishedAt: '',
      durationMs: 1000,
      samplingMs: 900,
      tasks,
      slower: slowerTasks(tasks),
    };
    const md = renderAbMarkdown(run);
    assert.match(md, /\| math\.sieve WASM \| 2\.00 ms \| 2\.60 ms \| slower by 30–30 % \| \*\*slower\*\* \| 3 \|/);
    assert.match(md, /\| arrays\.sum WASM \| — \| — \| outputs differ: not timed \| unequal \| 0 \|/);
    assert.match(md, /\*\*SLOWER: math\.sieve WASM\*\*/);
    assert.match(md, /\*\*OUTPUTS DIFFER, not timed: arrays\.sum WASM\*\*/);
    assert.doesNotMatch(md, /no task slower/i, 'an untimed task might be slower');
  });

  test('settings that differ between the builds beyond their code are named', () => {
    assert.deepEqual(buildDifferences({ mode: 'release', optimization: { level: 'aggressive' } }, { mode: 'release' }), [
      'optimization.level differs: A "aggressive", B null',
    ]);
    assert.deepEqual(buildDifferences({ mode: 'release' }, { mode: 'release' }), []);
  });
});

/**
 * A cheap suite of one pair, built per context like the real ones: the "WASM" side sums a Float64Array
 * `passes(crate)` times and returns the first sum, so the output is the same whatever the work.
 */
function sumSuite(passes: (ctx: BenchContext) => number): BenchSuite {
  return {
    name: 'toy',
    measures: 'a sum over 20 000 doubles',
    pairs: (ctx) => {
      const times = passes(ctx);
      const sum = (xs: Float64Array) => {
        let first = 0;
        for (let p = 0; p < times; p++) {
          let s = 0;
          for (let i = 0; i < xs.length; i++) s += xs[i]!;
          if (p === 0) first = s;
        }
        return first;
      };
      return [
        pair<Float64Array>({
          id: 'toy.sum',
          title: 'sum',
          kind: 'wasm-vs-js',
          setup: () => Float64Array.from({ length: 20_000 }, (_, i) => (i % 7) * 0.5),
          measured: { label: 'WASM', run: sum },
          reference: { label: 'JS', run: sum },
        }),
      ];
    },
  };
}

async function checkToy(passesOfB: number) {
  const contexts = { A: { crate: { passes: 1 } }, B: { crate: { passes: passesOfB } } } as unknown as Record<Build, BenchContext>;
  const suite = sumSuite((ctx) => (ctx.crate as unknown as { passes: number }).passes);
  const prepared = await prepareTasks({ A: [suite], B: [suite] }, contexts, { turnMs: 15, defaultPairTimeMs: 800, batchTargetMs: 0.5, twins: false });
  assert.deepEqual(
    prepared.map((p) => [p.key, p.status]),
    [['toy.sum WASM', 'ok']],
  );
  // A generous budget: what is asserted is the verdict, never how long it took.
  const deadline = Date.now() + 60_000;
  const [outcome] = await autoSample([prepared[0]!.sampled!], { horizonPct: 10, minRounds: 6, maxRounds: 40, outOfTime: () => Date.now() > deadline });
  return outcome!;
}

describe('the check at small scale, timed for real', () => {
  test('A = B (the same code on both sides): never slower', async () => {
    const outcome = await checkToy(1);
    assert.ok(['no change', 'unsure'].includes(outcome.verdict), `verdict ${outcome.verdict}, ${describeDifference(outcome.ci)}`);
  });

  test('B doing twice the work of A: slower, the interval near 2×', async () => {
    const outcome = await checkToy(2);
    assert.equal(outcome.verdict, 'slower', describeDifference(outcome.ci));
    assert.ok(outcome.ci!.low > 1.1);
  });

  test('when the twins differ between the builds, the JS side is a task too', async () => {
    const contexts = { A: { crate: { passes: 1 } }, B: { crate: { passes: 1 } } } as unknown as Record<Build, BenchContext>;
    const suite = sumSuite(() => 1);
    const tasks = await prepareTasks({ A: [suite], B: [suite] }, contexts, { turnMs: 5, defaultPairTimeMs: 800, batchTargetMs: 0.5, twins: true });
    assert.deepEqual(
      tasks.map((t) => [t.key, t.status]),
      [
        ['toy.sum WASM', 'ok'],
        ['toy.sum JS', 'ok'],
      ],
    );
  });

  test('a task whose output changed between A and B is not timed', async () => {
    const contexts = { A: { crate: { passes: 1 } }, B: { crate: { passes: 1 } } } as unknown as Record<Build, BenchContext>;
    let build = 0;
    const suite = sumSuite(() => 1);
    const shifted: BenchSuite = {
      ...suite,
      pairs: (ctx) =>
        suite.pairs(ctx).map((p) => {
          const offset = build++;
          const typed = p as unknown as { measured: { run(x: Float64Array): number } };
          return { ...p, measured: { label: 'WASM', run: (x: Float64Array) => typed.measured.run(x) + offset } } as typeof p;
        }),
    };
    const [task] = await prepareTasks({ A: [shifted], B: [shifted] }, contexts, { turnMs: 5, defaultPairTimeMs: 800, batchTargetMs: 0.5, twins: false });
    assert.equal(task!.status, 'unequal');
    assert.match(task!.error!, /A vs B/);
  });
});

describe('which build is A', () => {
  test('the merge base with main on a branch; the commit before on main; a named ref; a ref that names nothing', () => {
    const repo = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-git-'));
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    try {
      git('init', '-q', '-b', 'main');
      git('commit', '-q', '--allow-empty', '-m', 'one');
      const one = git('rev-parse', 'HEAD');
      git('commit', '-q', '--allow-empty', '-m', 'two');
      const two = git('rev-parse', 'HEAD');
      const onMain = chooseRef(undefined, repo);
      assert.deepEqual([onMain.ref, onMain.commit], ['HEAD~1', one]);
      assert.match(onMain.chosenBecause, /HEAD is main's tip/);
      git('checkout', '-q', '-b', 'topic');
      git('commit', '-q', '--allow-empty', '-m', 'three');
      const onBranch = chooseRef(undefined, repo);
      assert.deepEqual([onBranch.commit, onBranch.chosenBecause], [two, 'the merge base of HEAD with main']);
      assert.equal(chooseRef('main~1', repo).commit, one);
      assert.throws(() => chooseRef('nope', repo), /'nope' names no commit in this repository/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('npm run bench -- --check', () => {
  const bench = (args: string[], dir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'benches/node/runNodeBenches.ts', '--check', ...args], {
      encoding: 'utf8',
      env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir }),
    });

  test('A given as a pkg folder: the same build twice gives no slower task; the reports are written', (t) => {
    if (!existsSync('crate/pkg/wasm_compat_bg.wasm')) return t.skip('no crate/pkg build (npm run build:wasm)');
    const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-'));
    try {
      // --accept-unsure: what is asserted is that A = B is never slower, not how fast it settles.
      const run = bench(['--against-pkg', 'crate/pkg', '--only', 'call', '--turn-ms', '5', '--max-seconds', '30', '--accept-unsure'], dir);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /^(no task slower beyond the horizon|UNSURE, accepted with --accept-unsure: .*)$/m);
      assert.doesNotMatch(run.stdout, /SLOWER/);
      const report = JSON.parse(readFileSync(join(dir, 'bench', 'ab-node.json'), 'utf8')) as AbRun;
      assert.deepEqual(
        report.tasks.map((x) => x.key),
        ['call.noop WASM', 'call.i32 WASM'],
      );
      assert.ok(report.tasks.every((x) => x.verdict === 'no change' || x.verdict === 'unsure'));
      assert.match(readFileSync(join(dir, 'bench', 'ab.md'), 'utf8'), /\| call\.noop WASM \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad input names its cause', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-'));
    try {
      const ref = bench(['--against', 'no-such-ref-anywhere'], dir);
      assert.equal(ref.status, 2, ref.stderr);
      assert.match(ref.stderr, /'no-such-ref-anywhere' names no commit in this repository/);
      mkdirSync(join(dir, 'empty'));
      const pkg = bench(['--against-pkg', join(dir, 'empty')], dir);
      assert.equal(pkg.status, 2, pkg.stderr);
      assert.match(pkg.stderr, /has no wasm_compat_bg\.wasm/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
