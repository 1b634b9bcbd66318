// A row that passes on one of an engine's compilers and fails on another of the same engine and
// version is named, with what reproduces it (matrix/tierDisagreements.ts), in changes.md whatever
// the history; rows that agree, or that differ between engines or versions, are not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesMarkdown } from '../../matrix/changes.ts';
import type { Cell, Column, MatrixGroup } from '../../matrix/matrixModel.ts';
import { tierDisagreements } from '../../matrix/tierDisagreements.ts';
import type { CompatReport } from '../../runner/compatReport.ts';

const column = (project: string, over: Partial<Column> = {}): Column => ({
  project,
  ran: true,
  engine: 'Chromium',
  version: '156.0.8078.129',
  source: 'system Chromium',
  device: null,
  emulated: false,
  notApplied: [],
  throttled: null,
  target: 'preview',
  isolation: 'require-corp',
  htmlReport: null,
  tier: null,
  ...over,
});
const pass: Cell = { kind: 'pass', text: 'pass', detail: '' };
const fail: Cell = { kind: 'fail', text: 'fail', detail: 'wrong answer' };

const LIFTOFF = { name: 'liftoff', pin: ['--js-flags=--allow-natives-syntax --liftoff-only'] };
const group = (columns: Column[], cells: Record<string, Cell>[]): MatrixGroup => ({
  target: 'preview',
  description: 'vite preview',
  columns,
  sections: [
    { kind: 'rust-tests', title: 'tests', rows: cells.map((c, i) => ({ id: `rust:web::t${i}@main thread`, label: `web::t${i} (main thread)`, cells: c })) },
  ],
});

test('a row that passes on default tiering and fails on Liftoff is named, with the flags that reproduce it', () => {
  const found = tierDisagreements([
    group(
      [column('chromium'), column('chromium-liftoff', { tier: LIFTOFF })],
      [
        { chromium: pass, 'chromium-liftoff': fail },
        { chromium: pass, 'chromium-liftoff': pass },
      ],
    ),
  ]);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.label, 'web::t0 (main thread)');
  assert.deepEqual(
    d!.outcomes.map((o) => [o.project, o.tier, o.text]),
    [
      ['chromium', 'default tiering', 'pass'],
      ['chromium-liftoff', 'liftoff', 'fail'],
    ],
  );
  assert.match(
    d!.reproduce,
    /^Chromium 156\.0\.8078\.129 launched with --js-flags=--allow-natives-syntax --liftoff-only: WASM_COMPAT_TIERS=chromium-liftoff npx playwright test --project chromium-liftoff/,
  );
  const md = changesMarkdown({ generatedAt: 'now', subject: null } as unknown as CompatReport, { changes: [], comparedWith: {} } as never, found);
  assert.match(
    md,
    /## Compiler tiers disagree: possible engine bugs \(1\)\n\n- web::t0 \(main thread\): pass on default tiering \(chromium\), fail on liftoff \(chromium-liftoff\)\. To reproduce: /,
  );
});

test('engines without a tier project, another engine or version, and emulated devices are not compared', () => {
  const cells = [{ chromium: pass, firefox: fail, pixel5: fail, 'chromium-liftoff': pass, old: fail }];
  const columns = [
    column('chromium'),
    column('firefox', { engine: 'Firefox', version: '153.8.0' }),
    column('pixel5', { emulated: true, device: 'Pixel 5' }),
    column('chromium-liftoff', { tier: LIFTOFF }),
    column('old', { version: '155.0.0' }),
  ];
  assert.deepEqual(tierDisagreements([group(columns, cells)]), []);
  assert.deepEqual(tierDisagreements([group([column('chromium'), column('chromium2')], [{ chromium: pass, chromium2: fail }])]), []);
});

test('a test that never reported on one project (its run ended first) is a failed run, not a disagreement; a real failure beside it still is', () => {
  // Seen with wasm-streams: Firefox's service-worker run lost its session once under load, and its 48 tests "did not report" there.
  const unreported: Cell = { kind: 'fail', text: 'did not report', detail: 'the runner reported nothing for it', unreported: true };
  const found = tierDisagreements([
    group(
      [column('chromium'), column('chromium-liftoff', { tier: LIFTOFF })],
      [
        { chromium: unreported, 'chromium-liftoff': pass },
        { chromium: pass, 'chromium-liftoff': fail },
      ],
    ),
  ]);
  assert.deepEqual(
    found.map((d) => d.label),
    ['web::t1 (main thread)'],
  );
});
