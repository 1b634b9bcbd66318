// The Node A/B check as a gate (benches/ab/gate.ts): which tasks keep it from passing, the exit
// code each kind gets, the stderr line naming the task and the reason, --accept-unsure, and the
// markdown the pull request's comment is made of, which must not say "no task slower" when a task
// was not decided. Then the same through `npm run bench -- --check` itself, on math.sieve alone:
// an unsure run (no time for a round), a build whose output differs, a build that throws.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderAbMarkdown, verdictLines } from '../../benches/ab/abTable.ts';
import { AB_EXIT, findingLine, gateExitCode, gateFindings } from '../../benches/ab/gate.ts';
import type { AbRun, AbTaskResult } from '../../benches/ab/schema.ts';
import { lookPlan } from '../../benches/ab/stoppingRule.ts';
import { childEnvironment } from '../../settings/environment.ts';

function task(key: string, over: Partial<AbTaskResult>): AbTaskResult {
  const [pairId = key, side = 'WASM'] = key.split(' ');
  return {
    key,
    pairId,
    suite: pairId.split('.')[0]!,
    side,
    status: 'ok',
    error: null,
    batch: 1,
    rounds: [
      { a: 1, b: 1 },
      { a: 1, b: 1 },
    ],
    aMedian: 1,
    bMedian: 1,
    ratio: 1,
    low: 0.99,
    high: 1.01,
    verdict: 'no change',
    stoppedBy: 'resolved',
    ...over,
  };
}

const settings = { horizonPct: 10, maxRounds: 60, maxSamplingSeconds: 110, acceptUnsure: false };
const slower = task('math.sieve WASM', { ratio: 1.3, low: 1.25, high: 1.35, verdict: 'slower' });
const unsure = task('serde.json WASM', { ratio: 1.05, low: 0.97, high: 1.14, verdict: 'unsure', stoppedBy: 'time' });
const unsureFasterSide = task('arrays.map WASM', { ratio: 0.9, low: 0.85, high: 0.96, verdict: 'unsure', stoppedBy: 'max-rounds' });
const unequal = task('arrays.sum WASM', { status: 'unequal', error: 'output[0]: 1 vs 2', rounds: [], verdict: null, ratio: null, low: null, high: null });
const failed = task('growth.pages WASM', { status: 'error', error: 'build B: RuntimeError: unreachable', verdict: null });
const fine = task('math.matmul WASM', {});

function run(tasks: AbTaskResult[], acceptUnsure = false): AbRun {
  const build = { label: 'x', commit: null, chosenBecause: 'y', pkgDir: '/p', wasmSha256: 'ab'.repeat(32), wasmBytes: 1, build: null };
  const findings = gateFindings(tasks, { ...settings, acceptUnsure });
  return {
    schema: 1,
    kind: 'wasm-compat-bench-ab',
    project: 'node',
    a: build,
    b: build,
    horizonPct: 10,
    confidence: 0.95,
    stoppingRule: lookPlan(6, 60),
    gate: { acceptUnsure, exitCode: gateExitCode(findings) },
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
    slower: tasks.filter((t) => t.verdict === 'slower').map((t) => t.key),
  };
}

describe('what fails the check, and with which code', () => {
  test('each kind has its own exit code; a confident slowdown keeps 1', () => {
    assert.deepEqual(AB_EXIT, { ok: 0, slower: 1, usage: 2, unsure: 3, unequal: 4, error: 5, crashed: 6 });
    const code = (...tasks: AbTaskResult[]) => gateExitCode(gateFindings(tasks, settings));
    assert.equal(code(fine), 0);
    assert.equal(code(fine, slower), 1);
    assert.equal(code(fine, unsure), 3);
    assert.equal(code(fine, unequal), 4);
    assert.equal(code(fine, failed), 5);
  });

  test('several kinds at once: a slowdown first, then what kept a task from being timed, then unsure', () => {
    const code = (...tasks: AbTaskResult[]) => gateExitCode(gateFindings(tasks, settings));
    assert.equal(code(unsure, unequal, failed, slower), 1);
    assert.equal(code(unsure, unequal, failed), 5);
    assert.equal(code(unsure, unequal), 4);
  });

  test('unsure only on the faster side still rules out a slowdown: not a finding', () => {
    assert.deepEqual(gateFindings([unsureFasterSide], settings), []);
    assert.equal(
      gateFindings([task('x.y WASM', { verdict: 'unsure', ratio: null, low: null, high: null, rounds: [], stoppedBy: 'time' })], settings)[0]!.kind,
      'unsure',
      'no interval at all is unsure',
    );
  });

  test('--accept-unsure lets unsure pass, said, and nothing else', () => {
    const accepted = gateFindings([unsure, fine], { ...settings, acceptUnsure: true });
    assert.equal(gateExitCode(accepted), 0);
    assert.match(findingLine(accepted[0]!), /\(accepted: --accept-unsure\)$/);
    assert.equal(gateExitCode(gateFindings([unsure, unequal], { ...settings, acceptUnsure: true })), 4);
  });

  test('a stderr line names the task and the reason', () => {
    const lines = gateFindings([slower, unsure, unequal, failed], settings).map(findingLine);
    assert.deepEqual(lines, [
      'bench: SLOWER: math.sieve WASM: slower by 25–35 % after 2 rounds, beyond the +10 % horizon',
      'bench: UNSURE: serde.json WASM: −3.0 % to +14 % after 2 rounds, stopped when the time cap ran out (--max-seconds 110): the interval reaches past +10 %, so B may be slower',
      "bench: UNEQUAL: arrays.sum WASM: A's and B's outputs differ, so nothing was timed: output[0]: 1 vs 2",
      'bench: ERROR: growth.pages WASM: it threw, so it has no verdict: build B: RuntimeError: unreachable',
    ]);
  });
});

describe('the verdict lines and the pull request comment', () => {
  test('"no task slower" only when every task was decided', () => {
    assert.deepEqual(verdictLines(run([fine, unsureFasterSide])), ['no task slower beyond the horizon']);
    const md = renderAbMarkdown(run([fine]));
    assert.match(md, /^No task slower beyond the horizon\.$/m);
    assert.match(md, /^- intervals: 95 % over every look: Bonferroni over 8 looks/m);
    assert.match(md, /^The A\/B check exits 0 \(ok\)\.$/m);
  });

  for (const [name, t, line, code] of [
    ['unsure', unsure, '**UNSURE, B may be slower: serde.json WASM**', 'exits 3 (unsure)'],
    ['unequal', unequal, '**OUTPUTS DIFFER, not timed: arrays.sum WASM**', 'exits 4 (unequal)'],
    ['error', failed, '**ERROR, no verdict: growth.pages WASM**', 'exits 5 (error)'],
  ] as const) {
    test(`a task ${name}: named in bold, the exit code said, and no "no task slower"`, () => {
      const md = renderAbMarkdown(run([fine, t]));
      assert.ok(md.includes(line), md);
      assert.ok(md.includes(code), md);
      assert.match(md, /does not say that B is not slower in those/);
      assert.doesNotMatch(md, /no task slower/i);
    });
  }

  test('accepted unsure tasks are still named, and still not called "not slower"', () => {
    const md = renderAbMarkdown(run([fine, unsure], true));
    assert.ok(md.includes('**UNSURE, accepted with --accept-unsure: serde.json WASM**'), md);
    assert.match(md, /exits 0 \(ok\)/);
    assert.doesNotMatch(md, /no task slower/i);
  });

  test('slower and undecided together: both named, slower first', () => {
    assert.deepEqual(verdictLines(run([unsure, slower, unequal])), [
      'SLOWER: math.sieve WASM',
      'OUTPUTS DIFFER, not timed: arrays.sum WASM',
      'UNSURE, B may be slower: serde.json WASM',
    ]);
  });
});

describe('npm run bench -- --check, on math.sieve alone', () => {
  const PKG = 'crate/pkg';
  const bench = (args: string[], dir: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', 'benches/node/runNodeBenches.ts', '--check', '--only', 'math', '--task', 'math.sieve', '--turn-ms', '5', ...args],
      {
        encoding: 'utf8',
        env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir }),
      },
    );
  /** A copy of crate/pkg whose sieveCount glue is replaced: a build whose sieve differs or throws. */
  const patchedPkg = (dir: string, body: string) => {
    const pkg = join(dir, 'patched-pkg');
    cpSync(PKG, pkg, { recursive: true });
    const glue = join(pkg, 'wasm_compat_bg.js');
    const source = readFileSync(glue, 'utf8');
    const head = 'export function sieveCount(limit) {';
    assert.ok(source.includes(head), `${glue} has no '${head}': the glue changed shape`);
    writeFileSync(glue, source.replace(head, `${head}\n    ${body}`));
    return pkg;
  };
  const withDir = (work: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-gate-'));
    try {
      work(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('a --task that names no pair: exit 2, naming it', () => {
    withDir((dir) => {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'benches/node/runNodeBenches.ts', '--check', '--against-pkg', PKG, '--only', 'math', '--task', 'math.seive'],
        { encoding: 'utf8', env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir }) },
      );
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--task math\.seive: no such pair in the suites run \(math\); their pairs: math\.sieve, math\.mandelbrot, math\.matmul/);
      const plain = spawnSync(process.execPath, ['--import', 'tsx', 'benches/node/runNodeBenches.ts', '--accept-unsure'], { encoding: 'utf8' });
      assert.equal(plain.status, 2, plain.stderr);
      assert.match(plain.stderr, /--accept-unsure belongs to the A\/B check: add --check/);
    });
  });

  test('no time for a round: unsure at the time cap, exit 3 and the reason; --accept-unsure passes it', (t) => {
    if (!existsSync(join(PKG, 'wasm_compat_bg.wasm'))) return t.skip('no crate/pkg build (npm run build:wasm)');
    withDir((dir) => {
      const r = bench(['--against-pkg', PKG, '--max-seconds', '0.001'], dir);
      assert.equal(r.status, AB_EXIT.unsure, r.stdout + r.stderr);
      assert.match(r.stderr, /^bench: UNSURE: math\.sieve WASM: no interval after [01] rounds?, stopped when the time cap ran out \(--max-seconds 0\.001\)/m);
      assert.match(r.stderr, /^bench: the A\/B check exits 3 \(unsure\)$/m);
      assert.match(r.stdout, /UNSURE, B may be slower: math\.sieve WASM\n$/);
      assert.doesNotMatch(readFileSync(join(dir, 'bench', 'ab.md'), 'utf8'), /no task slower/i);
      const accepted = bench(['--against-pkg', PKG, '--max-seconds', '0.001', '--accept-unsure'], dir);
      assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
      assert.match(accepted.stdout, /UNSURE, accepted with --accept-unsure: math\.sieve WASM\n$/);
    });
  });

  test("B's sieve answers differently: unequal, not timed, exit 4", (t) => {
    if (!existsSync(join(PKG, 'wasm_compat_bg.wasm'))) return t.skip('no crate/pkg build (npm run build:wasm)');
    withDir((dir) => {
      const r = bench(['--against-pkg', PKG, '--b-pkg', patchedPkg(dir, 'return wasm.sieveCount(limit) + 1;')], dir);
      assert.equal(r.status, AB_EXIT.unequal, r.stdout + r.stderr);
      assert.match(r.stderr, /^bench: UNEQUAL: math\.sieve WASM: A's and B's outputs differ, so nothing was timed: /m);
      assert.match(r.stdout, /OUTPUTS DIFFER, not timed: math\.sieve WASM\n$/);
    });
  });

  test('B throws: error, exit 5, naming the build', (t) => {
    if (!existsSync(join(PKG, 'wasm_compat_bg.wasm'))) return t.skip('no crate/pkg build (npm run build:wasm)');
    withDir((dir) => {
      const r = bench(['--against-pkg', PKG, '--b-pkg', patchedPkg(dir, "throw new Error('the sieve trapped');")], dir);
      assert.equal(r.status, AB_EXIT.error, r.stdout + r.stderr);
      assert.match(r.stderr, /^bench: ERROR: math\.sieve WASM: it threw, so it has no verdict: build B: Error: the sieve trapped$/m);
      const report = JSON.parse(readFileSync(join(dir, 'bench', 'ab-node.json'), 'utf8')) as AbRun;
      assert.deepEqual(report.gate, { acceptUnsure: false, exitCode: 5 });
    });
  });
});
