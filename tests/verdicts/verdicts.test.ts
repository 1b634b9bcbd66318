// One verdict, in a real run under a reporter the command line picked: a spec check that fails on an
// 'unsupported' probe and on an 'info' probe (verdicts.spec.ts) fails the Playwright test, and the
// probe is 'fail' in compat.json, in the matrix page, in junit-probes.xml and in wptreport, all
// written although `--reporter=dot` replaced every reporter of the config. Chromium only: it
// reports both kinds of probe (unsupported proposals, recorded loading facts). The feature probe
// also runs in the page's three workers, where the same check fails it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCompatFile } from '../../runner/readCompat.ts';
import type { WptReport } from '../../matrix/wptReport.ts';
import { runPlaywright } from '../runPlaywright.ts';
import { childEnvironment } from '../../settings/environment.ts';

const reports = mkdtempSync(join(tmpdir(), 'wasm-compat-verdicts-'));
after(() => rmSync(reports, { recursive: true, force: true }));

test('a failed spec check on an unsupported and on an info probe is fail in all five outputs, under --reporter=dot', async () => {
  const run = await runPlaywright(
    ['--config', 'tests/verdicts/playwright.verdicts.config.ts', '--project=chromium', '--reporter=dot'],
    childEnvironment({ WASM_COMPAT_REPORTS_DIR: reports, WASM_COMPAT_MATRIX: '0', WASM_COMPAT_PROBES: 'features,loading' }),
    300_000,
  );
  // 1. The Playwright tests: both failed, and the run with them.
  assert.equal(run.status, 1, run.output.slice(-3000));
  assert.match(run.output, /2 failed/, run.output.slice(-3000));
  // 2. compat.json: the run's own, with both probes 'fail', each from what the probe said.
  const report = readCompatFile(join(reports, 'compat.json'));
  const chromium = report.projects.chromium!;
  assert.deepEqual(chromium.tests, { passed: 0, failed: 2, skipped: 0 });
  const checked = chromium.probes.filter((v) => v.checkFailures?.length && !v.context);
  assert.deepEqual(checked.map((v) => [v.actual, v.status, v.asExpected]).sort(), [
    ['info', 'fail', false],
    ['unsupported', 'fail', false],
  ]);
  // The feature probe runs in the three workers too, and the check fails it in each (the loading one runs on the page only).
  const feature = checked.find((v) => v.category === 'features')!;
  assert.deepEqual(
    chromium.probes.filter((v) => v.id === feature.id && v.context).map((v) => `${v.context}: ${v.status}`),
    ['dedicated worker: fail', 'service worker: fail', 'shared worker: fail'],
  );
  const html = readFileSync(join(reports, 'index.html'), 'utf8');
  const junit = readFileSync(join(reports, 'junit-probes.xml'), 'utf8');
  const wpt = (JSON.parse(readFileSync(join(reports, 'wpt', 'chromium.json'), 'utf8')) as WptReport).results.flatMap((r) => r.subtests);
  for (const { id } of checked) {
    // 3. The matrix page: every row of the probe is a failing cell.
    const cells = [...html.matchAll(new RegExp(`<code>${id.replace('.', '\\.')}</code></th><td class="cell k-([a-z-]+)"`, 'g'))].map((m) => m[1]);
    assert.ok(cells.length > 0 && cells.every((k) => k === 'fail'), `${id} in index.html: ${cells.join(', ')}`);
    // 4. JUnit: a <failure>.
    const testcase = junit.split('<testcase').filter((c) => c.includes(`name="${id}`));
    assert.ok(testcase.length > 0 && testcase.every((c) => c.includes('<failure')), `${id} in junit-probes.xml`);
    // 5. wptreport: a FAIL that was not expected.
    const sub = wpt.find((s) => s.name === id);
    assert.deepEqual([sub?.status, sub?.expected], ['FAIL', 'PASS'], `${id} in wpt/chromium.json`);
  }
});
