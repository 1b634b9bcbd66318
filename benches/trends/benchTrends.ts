// npm run bench:trends: what the history store costs, on runs the size of a real one. 100 suite
// runs (a stored run of the five projects and the serving variants, 387 verdicts and Rust tests:
// tests/fixtures/compat/all-pass.json, each with its own id, time and a size that drifts) are
// appended one by one to a new store, then trends.html is drawn from it. It prints the store's size
// per run, the time of an append (median and slowest) and of drawing the page, and what it drew.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import type { CompatReport } from '../../runner/compatReport.ts';
import { openStore } from '../../trends/historyStore.ts';
import { suiteRecord } from '../../trends/suiteRecord.ts';
import { writeTrends } from '../../trends/writeTrends.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100' } } });
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs ${values.runs}: a whole number ≥ 1`);

const base = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests/fixtures/compat/all-pass.json'), 'utf8')) as CompatReport;
const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-bench-trends-'));
try {
  const store = openStore(join(dir, 'history.sqlite'));
  const appends: number[] = [];
  for (let n = 1; n <= RUNS; n++) {
    const run = structuredClone(base);
    run.runId = `bench-${n}`;
    run.generatedAt = new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();
    run.startedAt = new Date(Date.parse(run.generatedAt) - 65_000).toISOString();
    if (run.subject?.wasm) run.subject.wasm.bytes += n * 16;
    const record = suiteRecord(run, { commit: n.toString(16).padStart(40, '0'), branch: 'main', dirty: false, machine: 'bench' });
    const t = performance.now();
    store.append(record);
    appends.push(performance.now() - t);
  }
  const drawn = writeTrends(store, dir);
  const counts = store.counts();
  store.close();
  const bytes = statSync(join(dir, 'history.sqlite')).size;
  const sorted = [...appends].sort((a, b) => a - b);
  console.log(
    [
      `${RUNS} runs of ${(counts.outcomes ?? 0) / RUNS} outcomes each (${Object.entries(counts)
        .map(([t, c]) => `${t} ${c}`)
        .join(', ')})`,
      `store: ${(bytes / 1024 / 1024).toFixed(2)} MiB, ${(bytes / RUNS / 1024).toFixed(1)} KiB per run`,
      `append: median ${sorted[Math.floor(RUNS / 2)]!.toFixed(1)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms, all ${appends.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
      `trends.html: ${(drawn.bytes / 1024).toFixed(0)} KiB drawn from ${drawn.model.suiteRuns.length} runs in ${drawn.ms.toFixed(0)} ms`,
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
