// loading.compileDuringDownload's rule (harness/probes/loading/_streamingVerdict.ts) on stored
// timings: after the last byte, streaming against the bytes route in the same pair, median share.
// Figures measured on this machine (2 cores, 2026-12-04; docs/streaming.md), idle-ish and under load.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeStreaming, median, OVERLAP_SHARE, type StreamingPair } from '../../harness/probes/loading/_streamingVerdict.ts';

const PACED = 736; // 3.86 MB at 5 MiB/s
const DOWNLOAD = 750;
/** [streaming, bytes] after the last byte, ms, per pair. */
const pairs = (figures: [number, number][], download = DOWNLOAD): StreamingPair[] =>
  figures.map(([s, b]) => ({ streaming: { afterLastByte: s, download }, bytes: { afterLastByte: b, download } }));

test('overlap passes: each engine unmodified, idle-ish and under load', () => {
  const cases: Record<string, [number, number][]> = {
    // Under load (load average 11–17), the suite's own runs:
    'chromium 156, loaded': [
      [14.9, 120.6],
      [27.3, 123.0],
      [21.8, 66.3],
      [17.0, 43.7],
      [37.7, 82.7],
    ],
    'chromium 156, loaded, a second run': [
      [23.5, 267.3],
      [17.7, 72.4],
      [60.7, 238.2],
      [20.5, 562.6],
      [38.9, 463.4],
    ],
    // One pair disturbed against streaming (145.8 vs 131.4): the median holds.
    'firefox 153, loaded': [
      [24.9, 151.0],
      [73.6, 247.8],
      [9.6, 78.2],
      [145.8, 131.4],
    ],
    'webkitgtk 2.50, loaded': [
      [3.9, 55.8],
      [4.1, 767.5],
      [3.2, 93.8],
      [16.1, 143.2],
    ],
    // The brief's loaded Chromium figure (the old probe's quickest of each route): 12.5 vs 52.9.
    'chromium 156, the issue': [[12.5, 52.9]],
  };
  for (const [name, figures] of Object.entries(cases)) {
    const j = judgeStreaming(pairs(figures), PACED);
    assert.equal(j.outcome, 'overlaps', `${name}: ${j.detail}`);
    assert.equal(j.status, 'pass');
    assert.ok(j.medianShare <= OVERLAP_SHARE);
  }
});

test('read-then-compile does not overlap: the ?streaming=buffered shim, under load, in each engine', () => {
  const cases: Record<string, [number, number][]> = {
    // Pairs swing 4× either way under load (31.5 vs 173.1): the median does not.
    'chromium 156 shim': [
      [81.6, 21.7],
      [128.0, 118.8],
      [31.5, 173.1],
      [121.5, 29.3],
    ],
    'firefox 153 shim': [
      [56.1, 110.5],
      [53.4, 51.0],
      [92.2, 86.6],
      [144.0, 53.2],
    ],
    'webkitgtk 2.50 shim': [
      [91.3, 460.1],
      [104.5, 103.1],
      [230.0, 96.6],
      [173.3, 95.5],
    ],
  };
  for (const [name, figures] of Object.entries(cases)) {
    const j = judgeStreaming(pairs(figures), PACED);
    assert.equal(j.outcome, 'no-saving', `${name}: ${j.detail}`);
    assert.equal(j.status, 'fail');
    assert.match(j.detail, /^streams, but finishes after the download/);
  }
});

test('an engine that streams but compiles at the end saves only the copy: no saving', () => {
  // Streaming skips the ArrayBuffer (a few ms of 3.9 MB) but compiles everything after the last byte.
  const j = judgeStreaming(
    pairs([
      [38, 44],
      [41, 47],
      [36, 45],
    ]),
    PACED,
  );
  assert.equal(j.outcome, 'no-saving', j.detail);
});

test('one disturbed pair of three cannot decide; two can only where the engine is that close', () => {
  // Overlap with one pair whose streaming load was hit by a 100 ms stall.
  assert.equal(
    judgeStreaming(
      pairs([
        [5, 40],
        [110, 42],
        [6, 41],
      ]),
      PACED,
    ).outcome,
    'overlaps',
  );
  // Read-then-compile with one pair whose bytes load was hit.
  assert.equal(
    judgeStreaming(
      pairs([
        [40, 41],
        [42, 150],
        [39, 40],
      ]),
      PACED,
    ).outcome,
    'no-saving',
  );
});

test('scale-free: the same engine on a CPU slowed 4× gets the same verdict', () => {
  const idle: [number, number][] = [
    [4, 35],
    [5, 38],
    [3, 33],
  ];
  const slowed = idle.map(([s, b]) => [s * 4, b * 4] as [number, number]);
  const a = judgeStreaming(pairs(idle), PACED);
  const b = judgeStreaming(pairs(slowed), PACED);
  assert.equal(a.outcome, b.outcome);
  assert.ok(Math.abs(a.medianShare - b.medianShare) < 1e-9);
});

test('a body that arrived in bursts fails as buffered, whichever route saw it; one load of six is the page, not the server', () => {
  assert.equal(
    judgeStreaming(
      pairs(
        [
          [5, 40],
          [6, 41],
          [5, 39],
        ],
        3,
      ),
      PACED,
    ).outcome,
    'buffered',
  );
  const oneBurst = pairs([
    [5, 40],
    [6, 41],
    [5, 39],
  ]);
  for (const p of oneBurst) p.bytes.download = 2;
  const j = judgeStreaming(oneBurst, PACED);
  assert.equal(j.outcome, 'buffered');
  assert.match(j.detail, /arrived in one burst/);
  // One load read late (a starved page), the others trickled: the pairs decide, as for any load.
  const late = pairs([
    [5, 40],
    [6, 41],
    [5, 39],
  ]);
  late[1]!.bytes.download = PACED * 0.4;
  assert.notEqual(judgeStreaming(late, PACED).outcome, 'buffered');
});

test('the detail and the figures report both routes in every pair', () => {
  const j = judgeStreaming(
    pairs([
      [12.5, 52.9],
      [14, 50],
      [20, 45],
    ]),
    PACED,
  );
  assert.match(j.detail, /12\.5 ms vs 52\.9 ms, 14\.0 ms vs 50\.0 ms, 20\.0 ms vs 45\.0 ms/);
  assert.deepEqual(
    j.savedMs.map((n) => Math.round(n * 10) / 10),
    [40.4, 36, 25],
  );
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.throws(() => judgeStreaming([], PACED), /no pairs/);
});

test('between a half and 0.8 the pairs do not decide: inconclusive, recorded as info', () => {
  // Chromium 156 through Appium (2026-12-04): V8's lazy compile leaves little to overlap.
  const j = judgeStreaming(
    pairs([
      [20.9, 36.3],
      [15.0, 21.3],
      [25.9, 36.8],
    ]),
    PACED,
  );
  assert.equal(j.outcome, 'inconclusive', j.detail);
  assert.equal(j.status, 'info');
  assert.match(j.detail, /^inconclusive: /);
  // and Chromium under the shim, one run that landed in the band
  assert.equal(
    judgeStreaming(
      pairs([
        [29.9, 47.8],
        [44.9, 40.4],
        [64.0, 143.4],
      ]),
      PACED,
    ).outcome,
    'inconclusive',
  );
});

test("V8's streaming outcome is recorded, not judged; Firefox's and WebKitGTK's are judged", async () => {
  const { expectedProbe } = await import('../../runner/expectations/probes.ts');
  const { verdict } = await import('../../runner/expectations/verdict.ts');
  const result = {
    id: 'loading.compileDuringDownload',
    title: 't',
    category: 'loading' as const,
    status: 'fail' as const,
    detail: 'streams, but finishes after the download',
    ms: 1,
  };
  const chromium = expectedProbe('loading.compileDuringDownload', { engine: 'chromium', version: '156.0.8078.114', isolation: 'require-corp' });
  assert.equal(chromium.status, 'recorded');
  assert.deepEqual([verdict(result, chromium).status, verdict(result, chromium).asExpected], ['info', true]);
  const firefox = expectedProbe('loading.compileDuringDownload', { engine: 'firefox', version: '153.8.0', isolation: 'require-corp' });
  assert.equal(firefox.status, 'pass');
  assert.deepEqual([verdict(result, firefox).status, verdict(result, firefox).asExpected], ['fail', false]);
});
