// The engine registry (runner/engines/registry/): an engine or a device is one descriptor, and
// everything that lists engines reads them from there. A fictitious engine added for the test (as
// its file in the folder would be) appears in the projects, the matrix's column, features.json,
// wptreport and the bench report, without another file changing; taken out, it is gone again.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { collectReports } from '../../benches/report/collectReports.ts';
import { renderIndexHtml } from '../../benches/report/indexHtml.ts';
import type { BenchRun } from '../../benches/report/schema.ts';
import { featuresJson } from '../../matrix/featuresJson.ts';
import { buildMatrix } from '../../matrix/matrixModel.ts';
import { wptReport } from '../../matrix/wptReport.ts';
import type { CompatReport } from '../../runner/compatReport.ts';
import { browserProjectList } from '../../runner/engines/browserProjects.ts';
import { resolveEngine } from '../../runner/engines/engineResolution.ts';
import { addDescriptor, deviceDescriptors, engineDescriptor, engineNames, familyKey } from '../../runner/engines/registry.ts';
import { defineDevice, defineEngine } from '../../runner/engines/registry/descriptor.ts';
import { engineFromBrowserName, remoteEngines } from '../../runner/engines/remote.ts';
import { expectationContext, expectedProbe } from '../../runner/expectations/probes.ts';
import { expectedSupport } from '../../runner/expectations/features.ts';
import { browserProjects, reportRank } from '../../runner/projects.ts';
import { planTargets } from '../../serving/targets/plan.ts';
import { EVERY_PROBE } from '../../harness/probes/probeSelection.ts';
import { scratchDir } from '../scratchDir.ts';

const servo = defineEngine({
  name: 'servo',
  playwright: null,
  findOnSystem: (env) => ({ engine: 'servo', kind: 'missing', reason: `Servo not found: no ${env.WASM_COMPAT_SERVO ?? '/usr/bin/servo'}` }),
  families: [{ key: 'servo', name: 'Servo', url: 'https://servo.org/' }],
  wptProduct: 'servodriver',
  webdriverBrowserName: 'servo',
  remoteBrowserName: /servo/,
  throttles: false,
  desktop: { device: 'Desktop Firefox', colour: '#123456', order: 35 },
});
const servoPhone = defineDevice({ name: 'servophone', device: 'Pixel 5', engine: 'servo', throttle: null, colour: '#654321', order: 60 });

let removals: Array<() => void> = [];
afterEach(() => {
  for (const remove of removals.reverse()) remove();
  removals = [];
});

test('the registry holds the three engines and two devices, each from its own file', () => {
  assert.deepEqual(engineNames(), ['chromium', 'firefox', 'webkit']);
  assert.deepEqual(
    browserProjectList().map((p) => p.name),
    ['chromium', 'firefox', 'webkit', 'pixel5', 'iphone12'],
  );
  assert.deepEqual(
    deviceDescriptors()
      .map((d) => [d.name, d.engine])
      .sort(),
    [
      ['iphone12', 'webkit'],
      ['pixel5', 'chromium'],
    ],
  );
  assert.equal(familyKey({ engine: 'webkit', kind: 'webkitgtk' }), 'webkitgtk');
  assert.equal(familyKey({ engine: 'webkit', kind: 'playwright' }), 'webkit');
  assert.throws(() => engineDescriptor('servo'), /no engine named "servo" in runner\/engines\/registry\/ \(known: chromium, firefox, webkit\)/);
  assert.throws(() => resolveEngine('netscape'), /no engine named "netscape"/);
});

test('a fictitious engine and device, added as descriptors, appear everywhere engines are listed', () => {
  removals.push(addDescriptor(servo), addDescriptor(servoPhone));

  // The projects: its desktop project in its place, the device after the others; resolved, not run, with its reason.
  // They run the throttled phone first (its page is the longest), and are reported in the registry's order.
  const projects = browserProjects(planTargets({}), EVERY_PROBE);
  const names = projects.map((p) => p.name);
  assert.deepEqual(names, ['pixel5', 'chromium', 'firefox', 'webkit', 'servo', 'iphone12', 'servophone']);
  const rank = reportRank([...names, 'chromium@nginx', 'appium-chromium']);
  assert.deepEqual(
    [...names, 'appium-chromium', 'chromium@nginx'].sort((a, b) => rank(a) - rank(b)),
    ['chromium', 'chromium@nginx', 'firefox', 'webkit', 'servo', 'pixel5', 'iphone12', 'servophone', 'appium-chromium'],
  );
  const choice = projects.find((p) => p.name === 'servo')!.use.engineChoice;
  assert.deepEqual(choice, { engine: 'servo', kind: 'missing', reason: 'Servo not found: no /usr/bin/servo' });
  assert.equal(projects.find((p) => p.name === 'servophone')!.use.deviceName, 'Pixel 5');
  assert.equal(engineFromBrowserName('Servo'), 'servo', "a grid's browserName");
  assert.equal(expectedSupport('features.simd', 'servo', '0.1'), undefined, 'no expectations written for it: the table cannot say');
  assert.match(
    expectedProbe('loading.compileDuringDownload', { engine: 'servo', version: '0.1', isolation: 'require-corp' }).why,
    /no streaming compiler of servo/,
  );

  // A run in which it ran: the matrix's column, features.json, wptreport, named by its descriptor.
  const report = JSON.parse(readFileSync('tests/fixtures/compat/all-pass.json', 'utf8')) as CompatReport;
  const ran = report.projects.firefox!;
  report.projects.servo = { ...ran, engine: { ...ran.engine!, project: 'servo', engine: 'servo', kind: 'system', version: '0.1.0' } };
  const column = buildMatrix(report)[0]!.columns.find((c) => c.project === 'servo');
  assert.equal(column?.engine, 'Servo', "the matrix's column names the engine as its descriptor does");
  const browser = featuresJson(report).browsers['Servo 0.1.0'];
  assert.equal(browser?.url, 'https://servo.org/', 'features.json: a browser entry with its home page');
  assert.ok(Object.keys(browser!.features).length > 0);
  assert.equal(wptReport(report, 'servo')?.run_info.product, 'servodriver', "wptreport's product");

  // The bench report: its run in its place among the projects, in its colour.
  const dir = scratchDir('wasm-compat-registry-');
  const chromium = JSON.parse(readFileSync('tests/unit/fixtures/bench/chromium.json', 'utf8')) as BenchRun;
  writeFileSync(join(dir, 'chromium.json'), JSON.stringify(chromium));
  writeFileSync(join(dir, 'servophone.json'), JSON.stringify({ ...chromium, project: 'servophone' }));
  writeFileSync(join(dir, 'servo.json'), JSON.stringify({ ...chromium, project: 'servo' }));
  const collected = collectReports(dir);
  assert.deepEqual(
    collected.browsers.map((r) => r.project),
    ['chromium', 'servo', 'servophone'],
  );
  const html = renderIndexHtml(collected, '2026-12-06T00:00:00.000Z');
  assert.ok(html.includes('#123456') && html.includes('#654321'), "the bench charts draw each in its descriptor's colour");
});

test('taken out again, it is gone; a device on an unknown engine, or a second engine of the same name, is refused by name', () => {
  assert.ok(!browserProjectList().some((p) => p.name === 'servo'));
  assert.throws(() => addDescriptor(defineEngine({ ...servo, name: 'chromium' })), /an engine named chromium is already in the registry/);
  removals.push(addDescriptor(servoPhone));
  assert.throws(() => browserProjectList(), /device servophone: no engine named "servo" in runner\/engines\/registry\/ \(known: chromium, firefox, webkit\)/);
});

test('a remote grid is asked for by the engine names the registry holds', () => {
  const caps = join(scratchDir('wasm-compat-registry-caps-'), 'caps.json');
  writeFileSync(caps, '{"browserName": "servo"}');
  const env = { WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444/', WASM_COMPAT_REMOTE_CAPABILITIES: caps };
  assert.throws(() => remoteEngines(env).remote!, /cannot tell the engine from browserName "servo".*one of chromium, firefox, webkit/);
  removals.push(addDescriptor(servo));
  assert.equal(remoteEngines(env).remote!.engine, 'servo');
  assert.equal(expectationContext({ engine: 'servo', kind: 'remote', version: '0.1' } as never, 'none').engine, 'servo');
});
