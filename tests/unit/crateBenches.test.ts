// The crate's own #[wasm_bindgen_bench] benchmarks (benches/crate/, runner/rustTests/): the
// runner's result file read as criterion wrote it (a real one, from Chromium 156), the failures
// list, the modes a bench binary runs in, the rows and reports across engines, and the A/B rounds
// on fake runs: the same times in A and B settle as no change, B at twice A's time as slower, a
// run that fails or a benchmark one build lacks is an error, never a verdict. The real check on a
// real regression, in three engines, is tests/benchGate/crateBenches.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderAbMarkdown } from '../../benches/ab/abTable.ts';
import { gateExitCode, gateFindings } from '../../benches/ab/gate.ts';
import type { AbRun } from '../../benches/ab/schema.ts';
import { lookPlan } from '../../benches/ab/stoppingRule.ts';
import { type BinaryPair, benchmarkKey, sampleCrateBenches } from '../../benches/crate/crateAbSampling.ts';
import { crateBenchMarkdown, crateBenchRows, crateBenchTable } from '../../benches/crate/crateBenchTable.ts';
import { benchModes, binaryBenchModes, readCrateBenchRuns, writeCrateBenchRun } from '../../benches/crate/crateBenchRuns.ts';
import { CRATE_BENCH_SCHEMA, type CrateBenchRun } from '../../benches/crate/schema.ts';
import { renderMarkdownTable } from '../../benches/report/nodeTable.ts';
import { renderIndexHtml } from '../../benches/report/indexHtml.ts';
import { collectReports } from '../../benches/report/collectReports.ts';
import { type CriterionBenchmark, readCriterionDump } from '../../runner/rustTests/criterionDump.ts';
import { failedFunctions, type RustBenchRun } from '../../runner/rustTests/runRustBenches.ts';

const DUMP = readFileSync(new URL('../fixtures/rust-runner/criterion-dump.json', import.meta.url), 'utf8');

describe('the runner’s benchmark result file', () => {
  test('is read as criterion wrote it: the slope under linear sampling, its interval, the fastest sample per iteration', () => {
    const [b, ...rest] = readCriterionDump(DUMP, 'the fixture');
    assert.equal(rest.length, 0);
    assert.equal(b!.id, 'checksum/10000');
    assert.equal(b!.file, 'benches/checksum.rs');
    assert.equal(b!.samplingMode, 'Linear');
    assert.equal(b!.samples, 10);
    const raw = JSON.parse(DUMP)['checksum/10000'];
    assert.equal(b!.typical.point, raw.estimates.slope.point_estimate);
    assert.equal(b!.mean.point, raw.estimates.mean.point_estimate);
    assert.ok(b!.typical.low <= b!.typical.point && b!.typical.point <= b!.typical.high);
    const perIteration = raw.sample.times.map((t: number, i: number) => t / raw.sample.iters[i]);
    assert.equal(b!.fastestNs, Math.min(...perIteration));
  });

  test('a file that is not one is refused, naming it and what is wrong', () => {
    assert.throws(
      () => readCriterionDump('{"x": {"file": 3}}', 'the result of web (main thread)'),
      /the result of web \(main thread\) is not a wasm-bindgen-test 0\.3\.80 benchmark result: x\.file/,
    );
    assert.throws(() => readCriterionDump('not json', 'r.json'), /r\.json is not JSON/);
  });

  test('the failed functions are those under the runner’s closing failures list', () => {
    const log =
      'Invoking test: slow\n\nfailures:\n\n---- slow output ----\n    error output:\n        panicked at benches/a.rs:3:5\n\nfailures:\n    slow\n    other\n\ntest result: FAILED. 0 passed; 2 failed; 0 ignored; 0 filtered out\n';
    assert.deepEqual(failedFunctions(log), ['slow', 'other']);
    assert.deepEqual(failedFunctions('test result: ok. 1 passed; 0 failed; 0 ignored; 0 filtered out\n'), []);
  });
});

describe('where a bench binary runs', () => {
  test('the main thread unless asked; a mode that is not one is named', () => {
    assert.deepEqual(benchModes(''), ['main thread']);
    assert.deepEqual(benchModes('main thread,shared worker'), ['main thread', 'shared worker']);
    assert.throws(() => benchModes('main thread,sharde worker'), /--modes: unknown mode sharde worker/);
  });

  test('a binary the crate pinned runs in its own context even when no mode of it is asked; one pinned to Node nowhere, with why', () => {
    assert.deepEqual(binaryBenchModes(null, ['main thread']).modes, ['main thread']);
    assert.deepEqual(binaryBenchModes('run_in_dedicated_worker', ['main thread']).modes, ['dedicated worker']);
    assert.deepEqual(binaryBenchModes('run_in_dedicated_worker', ['main thread', 'dedicated worker not isolated']).modes, ['dedicated worker not isolated']);
    const node = binaryBenchModes('run_in_node_experimental', ['main thread']);
    assert.deepEqual(node.modes, []);
    assert.match(node.none!, /not a browser's context/);
  });
});

const benchmark = (id: string, ns: number): CriterionBenchmark => ({
  id,
  file: 'benches/b.rs',
  samplingMode: 'Linear',
  samples: 10,
  iterations: 100,
  typical: { point: ns, low: ns * 0.95, high: ns * 1.05, confidence: 0.95 },
  mean: { point: ns, low: ns * 0.95, high: ns * 1.05, confidence: 0.95 },
  median: { point: ns, low: ns * 0.95, high: ns * 1.05, confidence: 0.95 },
  stdDevNs: ns * 0.02,
  fastestNs: ns * 0.97,
});

const binaryRun = (benchmarks: CriterionBenchmark[], over: Partial<RustBenchRun> = {}): RustBenchRun => ({
  target: 'b',
  mode: 'main thread',
  context: 'main thread',
  configure: null,
  status: 'done',
  reason: null,
  benchmarks,
  failed: [],
  log: '',
  exitCode: 0,
  durationMs: 1000,
  ...over,
});

const projectRun = (project: string, runs: RustBenchRun[], over: Partial<CrateBenchRun> = {}): CrateBenchRun => ({
  schema: CRATE_BENCH_SCHEMA,
  kind: 'wasm-compat-crate-bench',
  project,
  status: 'done',
  reason: null,
  engine: { engine: project, version: '1' },
  subject: { name: 'fixture', crateDir: '/c', features: [], runner: 'r' },
  startedAt: '2026-12-06T20:00:00.000Z',
  finishedAt: '2026-12-06T20:00:05.000Z',
  durationMs: 5000,
  runs,
  ...over,
});

describe('the reports across engines', () => {
  const runs = [
    projectRun('chromium', [binaryRun([benchmark('sum/1000', 20_000)]), binaryRun([benchmark('sum/1000', 22_000)], { target: 'w', mode: 'dedicated worker' })]),
    projectRun('firefox', [
      binaryRun([benchmark('sum/1000', 40_000)]),
      binaryRun([], { target: 'w', mode: 'dedicated worker', status: 'unsupported', reason: 'unsupported: no Worker' }),
    ]),
    projectRun('webkit', [], { status: 'not-run', reason: 'no WebKitGTK here', engine: null }),
  ];

  test('a row per benchmark and context, a cell per engine: its estimate, or why there is none', () => {
    const rows = crateBenchRows(runs);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['sum/1000', 'sum/1000 (dedicated worker)'],
    );
    const worker = rows[1]!;
    assert.ok('benchmark' in worker.cells[0]!);
    assert.deepEqual(worker.cells[1], { missing: 'unsupported: unsupported: no Worker' });
    assert.deepEqual(worker.cells[2], { missing: 'not-run: no WebKitGTK here' });
    assert.match(crateBenchTable(runs[0]!), /sum\/1000 \(dedicated worker\)\s+w\s+22\.0 µs \[20\.9 µs – 23\.1 µs\]/);
    const md = crateBenchMarkdown(runs, renderMarkdownTable).join('\n');
    assert.match(md, /\| sum\/1000 \| b \| 20\.0 µs \[19\.0 µs – 21\.0 µs\] \| 40\.0 µs \[38\.0 µs – 42\.0 µs\] \| not-run \|/);
  });

  test('the runs are kept per project, the previous one in the history; summary.md and index.html chart them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crate-bench-report-'));
    try {
      for (const r of runs) writeCrateBenchRun(dir, r);
      assert.deepEqual(
        readCrateBenchRuns(dir)
          .map((r) => r.project)
          .sort(),
        ['chromium', 'firefox', 'webkit'],
      );
      const html = renderIndexHtml(collectReports(dir), '2026-12-06T20:00:00.000Z');
      assert.match(html, /Each benchmark across engines \(time over the fastest engine’s\)/);
      // firefox's bar is twice chromium's (40 µs over the fastest, 20 µs), printed with its interval.
      assert.match(html, /40\.0 µs \[38\.0 µs – 42\.0 µs\]/);
      assert.match(html, /sum\/1000 \(dedicated worker\) in firefox: unsupported/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the A/B rounds of a crate’s benchmarks', () => {
  const plan = lookPlan(6, 60);
  const binaries: BinaryPair[] = [{ target: 'b', mode: 'main thread' }];
  /** A run per call: each build's time with a little deterministic scatter (the round's noise, shared by A and B). */
  const fake = (factor: { A: number; B: number }, extra: { B?: CriterionBenchmark[] } = {}) => {
    let call = 0;
    return async (build: 'A' | 'B') => {
      const noise = 1 + 0.02 * Math.sin(call++);
      return binaryRun([benchmark('sum/1000', 20_000 * factor[build] * noise), ...(build === 'B' ? (extra.B ?? []) : [])]);
    };
  };
  const sample = (run: Parameters<typeof sampleCrateBenches>[1]) => sampleCrateBenches(binaries, run, { plan, horizonPct: 10, outOfTime: () => false });

  test('the same times in A and B: no change, decided at the first look', async () => {
    const [t] = await sample(fake({ A: 1, B: 1 }));
    assert.equal(t!.verdict, 'no change');
    assert.equal(t!.rounds.length, 6);
    assert.equal(gateExitCode(gateFindings([t!], { horizonPct: 10, maxRounds: 60, maxSamplingSeconds: 300, acceptUnsure: false })), 0);
  });

  test('B at twice A’s time: slower, and the gate exits 1 naming it', async () => {
    const tasks = await sample(fake({ A: 1, B: 2 }));
    assert.equal(tasks[0]!.verdict, 'slower');
    assert.ok(tasks[0]!.low! > 1.8 && tasks[0]!.high! < 2.2, `${tasks[0]!.low}–${tasks[0]!.high}`);
    const findings = gateFindings(tasks, { horizonPct: 10, maxRounds: 60, maxSamplingSeconds: 300, acceptUnsure: false });
    assert.equal(gateExitCode(findings), 1);
    assert.equal(findings[0]!.task, 'sum/1000');
    const run = {
      project: 'chromium',
      benchmarks: 'crate',
      tasks,
      horizonPct: 10,
      maxRounds: 60,
      maxSamplingSeconds: 300,
      turnMs: 1000,
      a: { label: 'HEAD', commit: 'a'.repeat(40), chosenBecause: '--against HEAD', wasmSha256: 'b'.repeat(64) },
      b: { label: 'working tree', commit: null, chosenBecause: 'now', wasmSha256: 'c'.repeat(64) },
      environment: { runtime: 'chromium 156', cpus: 2, loadAverage: null },
      durationMs: 1000,
      twinsCompared: false,
    } as unknown as AbRun;
    assert.match(renderAbMarkdown(run), /A\/B check \(chromium, the crate’s #\[wasm_bindgen_bench\] benchmarks\)[\s\S]*\*\*SLOWER: sum\/1000\*\*/);
  });

  test('a benchmark only one build has is an error with why; a binary that fails is an error, never a verdict', async () => {
    const tasks = await sample(fake({ A: 1, B: 1 }, { B: [benchmark('new/1', 5_000)] }));
    const only = tasks.find((t) => t.key === 'new/1')!;
    assert.equal(only.status, 'error');
    assert.match(only.error!, /only build B has it/);
    const failing = await sample(async (build) =>
      build === 'B' ? binaryRun([], { status: 'failed', reason: 'sum failed (test result: FAILED.)' }) : binaryRun([benchmark('sum/1000', 1)]),
    );
    assert.equal(failing.length, 1);
    assert.equal(failing[0]!.status, 'error');
    assert.equal(failing[0]!.verdict, null);
    assert.match(failing[0]!.error!, /build B: failed: sum failed/);
    assert.equal(gateExitCode(gateFindings(failing, { horizonPct: 10, maxRounds: 60, maxSamplingSeconds: 300, acceptUnsure: false })), 5);
  });

  test('out of time before a look: unsure, and the gate does not pass it', async () => {
    let left = 3;
    let call = 0;
    // B scattering ±30 % round to round: three rounds leave an interval reaching past +10 %.
    const noisy = async (build: 'A' | 'B') => binaryRun([benchmark('sum/1000', build === 'A' ? 20_000 : 20_000 * (call++ % 2 ? 1.3 : 0.75))]);
    const tasks = await sampleCrateBenches(binaries, noisy, { plan, horizonPct: 10, outOfTime: () => left-- <= 0 });
    assert.equal(tasks[0]!.verdict, 'unsure');
    assert.equal(tasks[0]!.stoppedBy, 'time');
    assert.equal(gateExitCode(gateFindings(tasks, { horizonPct: 10, maxRounds: 60, maxSamplingSeconds: 300, acceptUnsure: false })), 3);
  });

  test('a key names the context when it is not the main thread', () => {
    assert.equal(benchmarkKey('sum/1000', 'main thread'), 'sum/1000');
    assert.equal(benchmarkKey('sum/1000', 'shared worker'), 'sum/1000 (shared worker)');
  });
});
