// The matrix page and the harness page in real Chromium, at a phone's size (390×844) and a
// laptop's (1280×800): nothing overflows the viewport sideways except a table's own scroller, the
// header row stays in view while the rows scroll, and axe-core finds no serious or critical
// accessibility violation (contrast included). The screenshots land in <reports>/screenshots/.
// The matrix page is generated from the stored run with a failing and a not-run project; the trends
// page from ten stored runs with changes at known runs (tests/trends/storedRuns.ts), appended to a
// real history store, and each change must show at the run it happened.
// Each check opens a page of its own in one browser, and the four go side by side: most of a
// harness page's time is its probes waiting (the trickled module, timers), not this process.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { readRun } from '../../matrix/readRun.ts';
import { writeMatrix } from '../../matrix/writeMatrix.ts';
import { openReportSet } from '../../reporting/reportSet.ts';
import { launchOptions } from '../../runner/engines/engineChoice.ts';
import { resolveEngine } from '../../runner/engines/engineResolution.ts';
import { startTargets, type StartedTargets } from '../../serving/targets/startTargets.ts';
import { resolveTarget } from '../../serving/targets/plan.ts';
import { openStore } from '../../trends/historyStore.ts';
import { suiteRecord } from '../../trends/suiteRecord.ts';
import { writeTrends } from '../../trends/writeTrends.ts';
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

const FIXTURES = new URL('../fixtures/compat/', import.meta.url);
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-pages-'));
const screenshots = openReportSet('screenshots');
let browser: Browser;
let harness: StartedTargets;
let harnessUrl: string;
let matrixUrl: string;
let trendsUrl: string;

before(async () => {
  // The stored pair of runs: the earlier one in history, so the page has changes to show.
  cpSync(new URL('all-pass.json', FIXTURES), join(scratch, 'history', 'compat-earlier.json'));
  cpSync(new URL('failing-and-not-run.json', FIXTURES), join(scratch, 'compat.json'));
  writeMatrix(readRun(join(scratch, 'compat.json')), scratch);
  matrixUrl = pathToFileURL(join(scratch, 'index.html')).href;
  const trendsDir = join(scratch, 'trends');
  const store = openStore(join(trendsDir, 'history.sqlite'));
  for (let n = 1; n <= 10; n++) store.append(suiteRecord(storedRun(n), { commit: `${n}`.repeat(8), branch: 'main', dirty: false, machine: 'test' }));
  writeTrends(store, trendsDir);
  store.close();
  trendsUrl = pathToFileURL(join(trendsDir, 'trends.html')).href;

  const engine = resolveEngine('chromium');
  assert.ok(
    engine.kind === 'playwright' || engine.kind === 'system',
    `Chromium is needed for the page tests: ${engine.kind === 'missing' ? engine.reason : engine.kind}`,
  );
  browser = await chromium.launch(launchOptions(engine, true));
  const target = resolveTarget({});
  harness = await startTargets([target]);
  harnessUrl = harness.urls[target.name]!;
});

after(async () => {
  // Kept even when a check failed: the screenshots are what shows why.
  screenshots.commit();
  await browser?.close();
  await harness?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Elements that stick out of the viewport sideways, outside any .scroller: tag#id.class @ right edge. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('.scroller')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
        out.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} spans ${r.left.toFixed(0)}..${r.right.toFixed(0)}`,
        );
    }
    return out;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the harness page's CSP rightly refuses inline scripts.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} nodes, e.g. ${JSON.stringify(v.nodes[0]?.target)}`);
}

describe("the matrix, trends and harness pages at a phone's and a laptop's size", { concurrency: true }, () => {
  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;

    test(`the matrix page at ${tag}: no sideways overflow, the header row and first column stay in view, no serious axe violation`, async () => {
      const page = await browser.newPage({ viewport: size });
      await page.goto(matrixUrl);
      assert.deepEqual(await overflowing(page), []);
      await screenshots.write(`matrix-${tag}.png`, await page.screenshot());

      // Scroll to the primary table, then through it: down and to the right.
      const scroller = page.locator('.scroller').first();
      await scroller.scrollIntoViewIfNeeded();
      await scroller.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await scroller.evaluate((el) => {
        el.scrollTop = 1500;
        el.scrollLeft = 400;
      });
      const held = await scroller.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const header = el.querySelector('thead th:nth-child(3)')!.getBoundingClientRect();
        // The row label in the middle of the visible rows, found by where it is drawn.
        const label = document.elementFromPoint(box.left + 4, box.top + box.height / 2)?.closest('th');
        return {
          scrollTop: el.scrollTop,
          scrollLeft: el.scrollLeft,
          wider: el.scrollWidth > el.clientWidth,
          boxTop: box.top,
          headerTop: header.top,
          viewport: innerHeight,
          labelIsRowHeader: label?.getAttribute('scope') === 'row' || label?.getAttribute('scope') === 'colgroup',
        };
      });
      // Sideways only where the table is wider than its box (at 390 px it is).
      assert.ok(held.scrollTop > 0 && (held.scrollLeft > 0 || !held.wider), `the table scrolls inside its box: ${JSON.stringify(held)}`);
      if (size.width < 500) assert.ok(held.wider, 'at a phone width the matrix is wider than the screen and scrolls in its box');
      assert.ok(
        Math.abs(held.headerTop - held.boxTop) <= 2 && held.headerTop >= 0 && held.headerTop < held.viewport,
        `the header row stays at the top of the table's box: ${JSON.stringify(held)}`,
      );
      assert.ok(held.labelIsRowHeader, `the first column stays in view while the table scrolls right: ${JSON.stringify(held)}`);
      await screenshots.write(`matrix-${tag}-scrolled.png`, await page.screenshot());

      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });

    test(`the trends page of ten runs at ${tag}: each change at the run it happened, no sideways overflow, no serious axe violation`, async () => {
      const page = await browser.newPage({ viewport: size });
      await page.goto(trendsUrl);
      assert.deepEqual(await overflowing(page), []);
      await screenshots.write(`trends-${tag}.png`, await page.screenshot({ fullPage: true }));
      // Each table's rows as text, by its caption.
      const tables = await page.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('table')).map((t) => [
            t.caption?.textContent ?? '',
            Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.textContent ?? '')),
          ]),
        ),
      );
      // Each table's rows below its header row, and the header's words.
      const body = (caption: string) => tables[caption]!.slice(1);
      const header = (caption: string) => tables[caption]![0]!;
      const failing = body('What fails in the latest run, and the run its failing began');
      assert.deepEqual(
        failing.map((r) => [r[0], r[1], r[3]!.split(' ')[0], r[5]]),
        [
          [WEBKIT_RUST_ITEM, 'webkit', `#${WEBKIT_VERSION_CHANGED_AT}`, `yes: 2.50.6 → ${NEW_WEBKIT_VERSION}`],
          [FIREFOX_PROBE, 'firefox', `#${FIREFOX_PROBE_CHANGED_AT}`, 'no: same engine version'],
        ],
      );
      const versions = body('Engine versions that changed, and the run they changed at');
      assert.ok(
        versions.some((r) => r[0] === 'webkit' && r[1]!.startsWith(`#${WEBKIT_VERSION_CHANGED_AT} `) && r[3] === NEW_WEBKIT_VERSION),
        JSON.stringify(versions),
      );
      const sizes = body("The module's size (bytes), per run");
      const rawColumn = header("The module's size (bytes), per run").indexOf('raw');
      const raw = (n: number) => sizes.find((r) => r[0]!.startsWith(`#${n} `))![rawColumn];
      assert.deepEqual([raw(SIZE_GROWN_AT - 1), raw(SIZE_GROWN_AT)], ['204,580 B', `${GROWN_BYTES.toLocaleString('en')} B`]);
      const shareCaption = 'Passing share per project and run (passing / judged, on the engine version)';
      const share = body(shareCaption);
      const firefoxColumn = header(shareCaption).indexOf('firefox');
      assert.match(share[FIREFOX_PROBE_CHANGED_AT - 2]![firefoxColumn]!, /^100\.0%/);
      assert.match(share[FIREFOX_PROBE_CHANGED_AT - 1]![firefoxColumn]!, /^9\d\.\d%/);
      // Every chart has its numbers in a table, and says so to a screen reader.
      assert.equal(await page.locator('figure svg[role="img"]').count(), await page.locator('figure + .scroller table').count());
      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });

    test(`the harness page at ${tag}: no sideways overflow, the header row stays in view, no serious axe violation`, async () => {
      const page = await browser.newPage({ viewport: size });
      await page.goto(harnessUrl);
      await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
      assert.deepEqual(await overflowing(page), []);
      await screenshots.write(`harness-${tag}.png`, await page.screenshot());

      await page.evaluate(() => window.scrollTo(0, 2000));
      const held = await page.evaluate(() => {
        const header = document.querySelector('#results thead th')!.getBoundingClientRect();
        return { scrollY, headerTop: header.top, headerBottom: header.bottom };
      });
      assert.ok(held.scrollY > 0, `the page scrolled: ${JSON.stringify(held)}`);
      assert.ok(
        held.headerTop >= -1 && held.headerTop <= 8 && held.headerBottom > held.headerTop,
        `the header row stays at the top while the rows scroll: ${JSON.stringify(held)}`,
      );
      await screenshots.write(`harness-${tag}-scrolled.png`, await page.screenshot());

      assert.deepEqual(await seriousViolations(page), []);
      await page.close();
    });
  }
});
