// WebAssembly switched off, as iOS Lockdown Mode does by removing the global: the page says so
// plainly, every probe that needs WebAssembly reports it unsupported, and the subject's JS fallback
// (its probe execution.jsFallback, where it has one: the demo's twins) works.
import { PROBES_DIR, probeFiles, probeIds } from '../../harness/probes/catalog.ts';
import { isSelected } from '../../harness/probes/probeSelection.ts';
import type { HarnessReport } from '../../harness/probes/probe.ts';
import { NO_WEBASSEMBLY } from '../../harness/probes/runProbe.ts';
import { expect, test } from '../../runner/fixtures.ts';
import { runShared } from '../../runner/timingLock.ts';
import { resolveSubject } from '../../subject/resolveSubject.ts';

const FALLBACK = 'execution.jsFallback';

test('Without the WebAssembly global the page says so and its JS fallback works', async ({ driver, harnessUrl, engine }) => {
  const { probesDir } = resolveSubject();
  const hasFallback = probeIds('execution', probesDir).includes(FALLBACK);
  const where = `${engine.engine} ${engine.version}`;
  // A failure's screenshot loads the normal page again (runner/fixtures.ts); a pass costs no second load.
  // Its JS fallback works the CPU: beside another worker's shared work, never during its timing probes (runner/timingLock.ts).
  const report: HarnessReport = await runShared(async () => {
    await driver.open(harnessUrl, { disableWebAssembly: true });
    return driver.results();
  });
  const summary = await driver.evaluate(() => document.querySelector('#summary')?.textContent ?? '', undefined);
  expect(report.webAssemblyAvailable, `WebAssembly removed before load in ${where}`).toBe(false);
  const fallback = report.results.find((r) => r.id === FALLBACK);
  if (hasFallback) expect(fallback?.status, `JS fallback in ${where}: ${fallback?.detail}`).toBe('pass');
  const stillRan = report.results.filter((r) => r.status !== 'unsupported' && r.id !== FALLBACK && r.category !== 'environment');
  expect(
    stillRan.map((r) => `${r.id}: ${r.status} (${r.detail})`),
    `probes that needed WebAssembly in ${where}`,
  ).toEqual([]);
  for (const r of report.results.filter((x) => x.status === 'unsupported')) expect.soft(r.detail, r.id).toContain(NO_WEBASSEMBLY);
  expect(summary).toContain('WebAssembly is not available in this browser');
  expect(summary).toContain(hasFallback ? 'This page ran its JavaScript fallback instead' : 'has no JavaScript fallback probe');
  expect.soft(report.pageErrors, `uncaught errors in ${where}`).toEqual([]);
  // Every probe the load selected is listed even without WebAssembly: run (as unsupported), or not run with why (a library crate's module probes).
  const selected = probeFiles(probesDir ? [PROBES_DIR, probesDir] : [PROBES_DIR]).filter((p) => isSelected(report.selection, p));
  expect([...report.results, ...report.notRun].map((r) => r.id).sort(), `probes listed without WebAssembly in ${where}`).toEqual(
    selected.map((p) => p.id).sort(),
  );
});
