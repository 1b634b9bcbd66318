// The trends page's model from ten stored runs with changes at known runs (tests/trends/storedRuns.ts):
// each change is found at the run it happened, and nothing else is called a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alerts } from '../../trends/alerts.ts';
import type { RunRecord, StoreContents } from '../../trends/historyStore.ts';
import { suiteRecord } from '../../trends/suiteRecord.ts';
import { trendsModel } from '../../trends/trendsModel.ts';
import {
  FIREFOX_PROBE,
  FIREFOX_PROBE_CHANGED_AT,
  GROWN_BYTES,
  NEW_WEBKIT_VERSION,
  SIZE_GROWN_AT,
  storedRun,
  WEBKIT_RUST_ITEM,
  WEBKIT_VERSION_CHANGED_AT,
} from '../trends/storedRuns.ts';

function contentsOf(records: RunRecord[]): StoreContents {
  return {
    runs: records.map((r) => r.run),
    engines: records.flatMap((r) => r.engines),
    outcomes: records.flatMap((r) => r.outcomes),
    measures: records.flatMap((r) => r.measures),
  };
}

const ten = Array.from({ length: 10 }, (_, i) => suiteRecord(storedRun(i + 1), { commit: `c${i + 1}`, branch: 'main', dirty: false, machine: 'm' }));
const model = trendsModel(contentsOf(ten));

test('what fails now, with the run its failing began and the engine version it began with', () => {
  assert.deepEqual(
    model.failingNow.map((f) => [f.project, f.item, f.since.n, f.version, f.versionBefore]),
    [
      ['webkit', WEBKIT_RUST_ITEM, WEBKIT_VERSION_CHANGED_AT, NEW_WEBKIT_VERSION, '2.50.6'],
      ['firefox', FIREFOX_PROBE, FIREFOX_PROBE_CHANGED_AT, '153.8.0', null],
    ],
  );
});

test("each engine's version change at its run, and only there", () => {
  assert.deepEqual(
    model.versions.map((v) => [v.project, v.at.n, v.from, v.to]),
    ['webkit', 'webkit@not-isolated', 'iphone12'].map((p) => [p, WEBKIT_VERSION_CHANGED_AT, '2.50.6', NEW_WEBKIT_VERSION]),
  );
});

test("the passing share drops at the failing runs; the module's size grows at its run; the wall time per run", () => {
  const firefox = model.share.find((s) => s.project === 'firefox')!.points;
  const drop = firefox.findIndex((p) => p.share < 1);
  assert.equal(firefox[drop]!.n, FIREFOX_PROBE_CHANGED_AT);
  assert.equal(firefox[drop]!.judged - firefox[drop]!.passing, 1);
  const raw = model.charts.find((c) => c.title === 'size.wasm')!.series.find((s) => s.label === 'raw')!.points;
  assert.deepEqual(
    raw.filter((p, i) => i > 0 && p.value !== raw[i - 1]!.value).map((p) => [p.n, p.value]),
    [[SIZE_GROWN_AT, GROWN_BYTES]],
  );
  const wall = model.charts.find((c) => c.title === 'run.wall')!.series[0]!.points;
  assert.deepEqual(
    wall.map((p) => p.value),
    Array.from({ length: 10 }, (_, i) => 61_000 + i * 1000),
  );
});

test('a failure that mends and fails again counts from its latest streak', () => {
  const records = [1, 2, 3, 4, 5, 6].map((n) => {
    const run = storedRun(n);
    const v = run.projects.chromium!.probes.find((p) => p.id === FIREFOX_PROBE && !p.context)!;
    if (n === 2 || n >= 5) Object.assign(v, { status: 'fail', asExpected: false });
    return suiteRecord(run, { commit: null, branch: null, dirty: null, machine: 'm' });
  });
  const chromium = trendsModel(contentsOf(records)).failingNow.find((f) => f.project === 'chromium')!;
  assert.equal(chromium.since.n, 5);
  assert.equal(chromium.versionBefore, null);
});

test("CI's alerts: the verdicts that began failing in the latest run, and each latest A/B check's SLOWER tasks; nothing when the failure is older", () => {
  const upTo = (last: number) =>
    Array.from({ length: last }, (_, i) => suiteRecord(storedRun(i + 1), { commit: `c${i + 1}`, branch: 'main', dirty: false, machine: 'm' }));
  const ab = (at: string, slower: boolean): RunRecord => ({
    run: {
      runId: `bench-ab pairs chromium ${at}`,
      kind: 'bench-ab',
      at,
      commit: null,
      branch: null,
      dirty: null,
      subject: null,
      subjectVersion: null,
      machine: 'm',
      wallMs: null,
    },
    engines: [],
    outcomes: [
      {
        runId: `bench-ab pairs chromium ${at}`,
        project: 'chromium',
        item: 'pairs: math.sieve',
        kind: slower ? 'fail' : 'pass',
        text: slower ? 'slower (B/A 1.300)' : 'no change',
      },
    ],
    measures: [],
  });
  const atWebkitChange = [...upTo(WEBKIT_VERSION_CHANGED_AT), ab('2026-12-01T01:00:00.000Z', true), ab('2026-12-01T02:00:00.000Z', false)];
  const found = alerts(trendsModel(contentsOf(atWebkitChange)), contentsOf(atWebkitChange));
  assert.deepEqual(
    found.newlyFailing.map((a) => a.title),
    [`wasm-compat: ${WEBKIT_RUST_ITEM} fails in webkit`],
  );
  assert.match(found.newlyFailing[0]!.body, new RegExp(`the engine changed from 2\\.50\\.6 to ${NEW_WEBKIT_VERSION.replace(/\./g, '\\.')}`));
  assert.deepEqual(found.slowdowns, [], 'the later A/B check of the same task is the one that counts');

  const later = [...upTo(WEBKIT_VERSION_CHANGED_AT + 1), ab('2026-12-02T01:00:00.000Z', true)];
  const again = alerts(trendsModel(contentsOf(later)), contentsOf(later));
  assert.deepEqual(again.newlyFailing, [], 'a failure that began a run earlier is not new');
  assert.deepEqual(again.slowdowns, ['`pairs: math.sieve` in **chromium**: slower (B/A 1.300)']);
  assert.match(again.markdown, /## Confident benchmark slowdowns \(1\)/);
});

test("a store holding two crates' runs draws one: the latest suite run's crate by default, the other named as left out", () => {
  const mine = ten.slice(0, 3);
  const theirs = suiteRecord(
    { ...storedRun(4, 'b'), subject: { ...storedRun(4).subject!, name: 'their-crate' } },
    { commit: null, branch: null, dirty: null, machine: 'b' },
  );
  const both = contentsOf([...mine, theirs]);
  const latest = trendsModel(both);
  assert.equal(latest.subject, 'their-crate');
  assert.deepEqual(latest.otherSubjects, ['wasm-compat']);
  assert.equal(latest.suiteRuns.length, 1);
  const chosen = trendsModel(both, 'wasm-compat');
  assert.deepEqual(
    chosen.suiteRuns.map((p) => p.run.runId),
    mine.map((r) => r.run.runId),
  );
  assert.deepEqual(chosen.otherSubjects, ['their-crate']);
});
