// The report writers on stored runs (tests/unit/fixtures/bench: a Node run with a route task, an
// untimed pair and a title full of markup; a Chromium run with a timer warning; Firefox not run;
// a native run): reading a run file (of this version or schema 1), the terminal table, summary.md,
// index.html with its charts, and the atomic write.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { collectReports } from '../../benches/report/collectReports.ts';
import { nativeComparisons } from '../../benches/report/comparisons.ts';
import { renderIndexHtml } from '../../benches/report/indexHtml.ts';
import { renderTextTable, tableRows } from '../../benches/report/nodeTable.ts';
import { readRun } from '../../benches/report/runFiles.ts';
import { renderSummaryMarkdown } from '../../benches/report/summaryMarkdown.ts';
import { renderLogBarChart } from '../../benches/report/svgCharts.ts';
import { writeSummaryReports } from '../../benches/report/writeReports.ts';

const FIXTURES = 'tests/unit/fixtures/bench';
/** A Node run as schema 1 wrote it (before its sides were renamed): three of node.json's pairs. */
const FIXTURES_SCHEMA1 = 'tests/unit/fixtures/bench-schema1';
const AT = '2026-11-28T00:00:00.000Z';
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wasm-compat-bench-report-'));
  for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(dir, f));
  writeFileSync(join(dir, 'notes.json'), '{"not": "a run"}');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('collecting the runs', () => {
  test('Node, browsers in project order, native; stray JSON ignored', () => {
    const c = collectReports(dir);
    assert.equal(c.node?.project, 'node');
    assert.deepEqual(
      c.browsers.map((b) => b.project),
      ['chromium', 'firefox'],
    );
    assert.equal(c.native?.tasks.length, 3);
  });

  test('WASM and JS against native: time ratios with propagated margins', () => {
    const c = collectReports(dir);
    const rows = nativeComparisons(c.native, c.node, c.browsers);
    assert.deepEqual(
      rows.map((r) => r.id),
      ['call.noop', 'math.sieve', 'strings.reverse'],
    );
    const sieve = rows[1]!;
    assert.ok(Math.abs(sieve.wasmOverNative!.value - 0.41 / 0.205) < 1e-9);
    assert.ok(Math.abs(sieve.jsOverNative!.value - 0.86 / 0.205) < 1e-9);
    assert.ok(Math.abs(sieve.wasmOverNative!.rme - Math.hypot(0.8, 2.4)) < 1e-9);
    assert.deepEqual(
      sieve.browsers.map((b) => [b.project, b.wasmOverNative?.value.toFixed(4)]),
      [['chromium', (0.35 / 0.205).toFixed(4)]],
    );
  });
});

describe('reading a run file', () => {
  test('a run kept from schema 1 reads with its sides renamed: subject → measured, baseline → reference', () => {
    const run = readRun(join(FIXTURES_SCHEMA1, 'node.json'));
    assert.equal(run.schema, 2);
    for (const p of run.pairs) assert.ok(!('subject' in p) && !('baseline' in p), `${p.id} keeps no old name`);
    const sieve = run.pairs.find((p) => p.id === 'math.sieve')!;
    assert.deepEqual([sieve.measured?.label, sieve.measured?.mean, sieve.reference?.label, sieve.reference?.mean], ['WASM', 0.41, 'JS', 0.86]);
    assert.deepEqual(sieve.speedup, readRun(join(FIXTURES, 'node.json')).pairs.find((p) => p.id === 'math.sieve')!.speedup);
    const streaming = run.pairs.find((p) => p.id === 'load.streaming')!;
    assert.deepEqual([streaming.measured?.label, streaming.reference?.label], ['instantiateStreaming', 'arrayBuffer + instantiate']);
    const untimed = run.pairs.find((p) => p.id === 'serde.values')!;
    assert.deepEqual([untimed.status, untimed.measured, untimed.reference], ['unequal', null, null]);
    assert.match(renderTextTable(tableRows(run.pairs)), /math\.sieve +WASM +410 µs .* 2\.10 ± 0\.030×\n +JS +860 µs/);
  });

  test('a run of a version this code does not know, or of none, is refused naming the file and the version', () => {
    const node = JSON.parse(readFileSync(join(FIXTURES, 'node.json'), 'utf8'));
    writeFileSync(join(dir, 'future.json'), JSON.stringify({ ...node, schema: 3 }));
    assert.throws(() => readRun(join(dir, 'future.json')), /future\.json: benchmark run schema version 3 is not one this wasm-compat reads \(1, 2\)/);
    writeFileSync(join(dir, 'unversioned.json'), JSON.stringify({ ...node, schema: undefined }));
    assert.throws(() => readRun(join(dir, 'unversioned.json')), /unversioned\.json: benchmark run schema version missing is not one/);
    assert.throws(() => readRun(join(dir, 'notes.json')), /notes\.json is not a wasm-compat benchmark run/);
    rmSync(join(dir, 'future.json'));
    rmSync(join(dir, 'unversioned.json'));
  });
});

describe('the table', () => {
  test('one row per side with every statistic; the speedup on the measured row; untimed pairs say why', () => {
    const text = renderTextTable(tableRows(readRun(join(dir, 'node.json')).pairs));
    const lines = text.split('\n');
    assert.match(lines[0]!, /^task +side +mean +median +p99 +min +max +sd +ops\/s +rme +samples +batch +speedup/);
    const sieve = lines.find((l) => l.startsWith('math.sieve'))!;
    assert.match(sieve, /WASM +410 µs +402 µs +656 µs +369 µs +1\.23 ms +41\.0 µs +2\.44k +±0\.80% +1200 +1 +2\.10 ± 0\.030×$/);
    assert.match(lines[lines.indexOf(sieve) + 1]!, /^ +JS +860 µs/);
    assert.match(text, /load\.streaming +instantiateStreaming .* 1\.25 ± 0\.048×/);
    assert.match(text, /serde\.values +OUTPUTS DIFFER +WASM vs JS: output\[0\]\.id: 1 ≠ 2/);
  });
});

describe('summary.md', () => {
  const md = () => renderSummaryMarkdown(collectReports(dir), AT);

  test('Node table, speedup per engine, who did not run and why, native comparison', () => {
    const text = md();
    assert.match(text, /^# Benchmarks: WebAssembly against JavaScript\n/);
    assert.match(text, /\| math\.sieve \| WASM \| 410 µs \|/);
    assert.match(text, /\| task \| measured vs reference \| node \| chromium \|\n/);
    assert.match(text, /\| math\.sieve \| WASM vs JS \| 2\.10 ± 0\.030× \| 2\.00 ± 0\.047× \|/);
    assert.match(text, /\| serde\.values \| WASM vs JS \| unequal \| — \|/);
    assert.match(text, /- firefox: not run — firefox: not run — Firefox not found/);
    assert.match(text, /chromium: chromium 156\.0\.1 \(system Chromium\); .*cross-origin isolated; performance\.now\(\) step 5 µs/);
    assert.match(text, /\| math\.sieve \| 205 µs ±2\.40% \| 410 µs \| 860 µs \| 2\.00 ± 0\.051× \| 4\.20 ± 0\.11× \| 1\.71× \| equal \|/);
    assert.match(text, /6 of 8 tasks have rme under 2%\./);
    assert.match(text, /load average 0\.10 → 1\.00/);
  });

  test('markup in titles stays text; pipes in cells are escaped', () => {
    assert.match(md(), /- `strings\.reverse` — reverse &lt;script&gt;alert\('x'\)&lt;\/script&gt; &amp; co\n/);
    assert.ok(!md().includes('<script'), 'no markup from a title reaches the Markdown');
    const run = readRun(join(dir, 'node.json'));
    run.pairs[2]!.measured!.label = 'WA|SM';
    writeFileSync(join(dir, 'node.json'), JSON.stringify(run));
    assert.match(md(), /\| math\.sieve \| WA\\\|SM \|/);
    copyFileSync(join(FIXTURES, 'node.json'), join(dir, 'node.json'));
  });
});

describe('index.html', () => {
  test('a static page: the charts as inline SVG, no script, everything escaped', () => {
    const html = renderIndexHtml(collectReports(dir), AT);
    assert.match(html, /^<!doctype html>/);
    assert.ok(!/<script/i.test(html), 'no script at all, not even from a task title');
    assert.ok(html.includes('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co'), 'the title is shown escaped');
    assert.equal(html.match(/<svg /g)?.length, 2, 'speedup chart and native chart');
    assert.match(html, /<title>math\.sieve, chromium: 2\.00 ± 0\.047×<\/title>/);
    assert.match(html, /<title>math\.sieve, WASM node: 2\.00× native ± 2\.5%<\/title>/);
    assert.match(html, /Not run: firefox: not run/);
    assert.match(html, /node: every statistic/);
  });

  test('bars sit on a log scale around 1×: 2× faster and 2× slower are equally long', () => {
    const svg = renderLogBarChart({
      title: 't',
      series: [{ name: 'a', color: '#000' }],
      rows: [
        { label: 'fast', points: [{ value: 2, low: 2, high: 2, text: '2×' }] },
        { label: 'slow', points: [{ value: 0.5, low: 0.5, high: 0.5, text: '0.5×' }] },
        { label: 'none', points: [null] },
      ],
      origin: 1,
      originLabel: 'same',
      leftMeans: 'slower',
      rightMeans: 'faster',
    });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="11" fill="#000"><title>/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, 2);
    assert.ok(Math.abs(widths[0]! - widths[1]!) < 0.2, `${widths}`);
    assert.match(svg, /a: —/, 'a missing value says so');
  });
});

test('writeSummaryReports replaces summary.md and index.html whole, leaving no temporary file', () => {
  writeFileSync(join(dir, 'summary.md'), 'an earlier report');
  writeSummaryReports(dir, AT);
  assert.match(readFileSync(join(dir, 'summary.md'), 'utf8'), /^# Benchmarks/);
  assert.match(readFileSync(join(dir, 'index.html'), 'utf8'), /<svg /);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
});
