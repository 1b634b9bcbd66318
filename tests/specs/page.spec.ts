// The page itself: it finished without errors, ran exactly the probes it was asked for (every
// probe file, or the project's selection) or listed them as not run with why, and what a person
// sees matches what the drivers read.
import { PROBES_DIR, probeFiles } from '../../harness/probes/catalog.ts';
import { describeSelection, isSelected } from '../../harness/probes/probeSelection.ts';
import { expect, readsHarnessLoad, test } from '../../runner/fixtures.ts';
import { resolveSubject } from '../../subject/resolveSubject.ts';

readsHarnessLoad();

test('The harness page runs every probe without errors and shows each in its table', async ({ harness, harnessView, pageProblems, engine }, testInfo) => {
  const where = `${engine.engine} ${engine.version}`;
  expect(harness.webAssemblyAvailable, `WebAssembly global in ${where}`).toBe(true);
  // Recorded by the page itself (harness/page/pageStart.ts), so every driver checks them, WebDriver included.
  expect.soft(harness.pageErrors, `uncaught errors, unhandled rejections, console errors, failed loads and fetches in the page in ${where}`).toEqual([]);
  // What the driver saw besides, where its protocol has console and network events (Playwright's).
  expect.soft(pageProblems, `console errors and failed requests seen by the driver in ${where}`).toEqual([]);
  expect.soft(harnessView.rows, `table rows in ${where}`).toEqual(harness.results.map((r) => `${r.id}:${r.status}`));
  expect.soft(harnessView.summary).toMatch(/^\d+ pass, \d+ fail, \d+ unsupported, \d+ info \(\d+ probes\)(; \d+ not run)?\.$/);
  // Every probe file (the generic ones and the subject's) that the load selected, each once, in the page's order.
  const { probesDir } = resolveSubject();
  const selected = probeFiles(probesDir ? [PROBES_DIR, probesDir] : [PROBES_DIR]).filter((p) => isSelected(harness.selection, p));
  test.skip(selected.length === 0, `this project's page selects no probe (${describeSelection(harness.selection)}; WASM_COMPAT_PROBES)`);
  // Compared as sorted lists: the page orders ids by its engine's own collation.
  // A probe the page did not run counts with its reason (a library crate's module probes): each selected probe once, either way.
  expect(
    [...harness.results, ...harness.notRun].map((r) => r.id).sort(),
    `the probes the page ran or listed as not run in ${where} (${describeSelection(harness.selection)})`,
  ).toEqual(selected.map((p) => p.id).sort());
  // Each worker context was asked for the same probes (the selected inWorkers ones): the category specs judge what each answered.
  const asked = harness.workers.map((w) => `${w.context}: ${w.asked.join(', ')}`);
  expect
    .soft(new Set(harness.workers.map((w) => w.asked.join(','))).size, `the workers were asked for the same probes in ${where}: ${asked.join('; ')}`)
    .toBeLessThanOrEqual(1);
  for (const w of harness.workers.filter((x) => x.resentAfterMs !== undefined))
    testInfo.annotations.push({ type: 'worker request sent again', description: `${w.context} in ${where}: no answer within ${w.resentAfterMs} ms` });
});
