// The page itself: it finished without errors, and what a person sees matches what the drivers read.
import { expect, test } from '../../runner/fixtures.ts';

test('The harness page runs every probe without errors and shows each in its table', async ({ harness, harnessView, pageProblems, engine }) => {
  const where = `${engine.engine} ${engine.version}`;
  expect(harness.webAssemblyAvailable, `WebAssembly global in ${where}`).toBe(true);
  // Recorded by the page itself (harness/page/pageStart.ts), so every driver checks them, WebDriver included.
  expect.soft(harness.pageErrors, `uncaught errors, unhandled rejections, console errors, failed loads and fetches in the page in ${where}`).toEqual([]);
  // What the driver saw besides, where its protocol has console and network events (Playwright's).
  expect.soft(pageProblems, `console errors and failed requests seen by the driver in ${where}`).toEqual([]);
  expect.soft(harnessView.rows, `table rows in ${where}`).toEqual(harness.results.map((r) => `${r.id}:${r.status}`));
  expect.soft(harnessView.summary).toMatch(/^\d+ pass, \d+ fail, \d+ unsupported, \d+ info \(\d+ probes\)\.$/);
  expect(harness.results.length, 'probes run').toBeGreaterThanOrEqual(30);
});
