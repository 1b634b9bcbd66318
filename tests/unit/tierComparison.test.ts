// The bench report's baseline-against-optimizing table (benches/report/tierComparison.ts), on a
// stored Chromium run made into pinned runs: the Liftoff one's WASM sides twice as slow. An engine
// with a finished run on a baseline (or interpreter) pin gets a column against its optimizing pin,
// else against its default project (as WebKitGTK, which has no optimizing pin), else none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatMs } from '../../benches/report/format.ts';
import type { BenchRun } from '../../benches/report/schema.ts';
import { tierComparison, tierTableRows } from '../../benches/report/tierComparison.ts';

const stored = JSON.parse(readFileSync('tests/unit/fixtures/bench/chromium.json', 'utf8')) as BenchRun;
const pinned = (project: string, name: string, role: 'baseline' | 'optimizing' | 'interpreter', factor: number): BenchRun => ({
  ...stored,
  project,
  engine: { ...stored.engine, engine: 'chromium', tier: { name, role, what: name, pin: [] } },
  pairs: stored.pairs.map((p) => ({ ...p, measured: p.measured && { ...p.measured, mean: p.measured.mean * factor } })),
});

test('each task: its time on the baseline pin, on the optimizing pin, and their ratio', () => {
  const c = tierComparison([stored, pinned('chromium-liftoff', 'liftoff', 'baseline', 2), pinned('chromium-turbofan', 'turbofan', 'optimizing', 1)]);
  assert.equal(c.pairs.length, 1);
  assert.equal(c.pairs[0]!.engine, 'chromium');
  const timed = stored.pairs.filter((p) => p.measured);
  assert.equal(c.rows.length, stored.pairs.length);
  for (const row of c.rows.filter((r) => timed.some((p) => p.id === r.id))) assert.ok(Math.abs(row.cells[0]!.ratio - 2) < 1e-9, row.id);
  const rows = tierTableRows(c, formatMs);
  assert.deepEqual(rows[0], ['task', 'chromium liftoff', 'chromium turbofan', 'baseline ÷ optimizing']);
  assert.equal(rows[1]![3], '2.00×');
});

test("without an optimizing pin, a baseline or interpreter pin is compared with the engine's default project", () => {
  assert.equal(stored.project, 'chromium');
  const c = tierComparison([stored, pinned('chromium-liftoff', 'liftoff', 'baseline', 2), pinned('chromium-slow', 'slow', 'interpreter', 40)]);
  assert.equal(c.pairs.length, 2);
  const rows = tierTableRows(c, formatMs);
  assert.deepEqual(rows[0], [
    'task',
    'chromium liftoff',
    'chromium default tiering',
    'baseline ÷ optimizing',
    'chromium slow',
    'chromium default tiering',
    'interpreter ÷ optimizing',
  ]);
  assert.equal(rows[1]![6], '40.00×');
});

test('a pin with nothing to compare with (no optimizing pin, no default run, or one that did not finish) has no column', () => {
  assert.equal(tierComparison([pinned('chromium-liftoff', 'liftoff', 'baseline', 2)]).pairs.length, 0);
  const failed = { ...pinned('chromium-turbofan', 'turbofan', 'optimizing', 1), status: 'failed' as const };
  assert.equal(tierComparison([pinned('chromium-liftoff', 'liftoff', 'baseline', 2), failed]).pairs.length, 0);
});
