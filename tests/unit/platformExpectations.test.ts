// Platform facts in expectations come from the engine record (EngineInfo.platform, the browser's own),
// not from the machine that runs Node: the example crate's brotli rule (examples/web-apis/probes/
// _rules.js, through its expectations.ts, as the runner loads it) on WebKit, with Node's
// process.platform set either way; the page-side reading the drivers record (pagePlatform) and the
// one the crate's browser test uses (engineHere).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type EngineInfo, pagePlatform } from '../../runner/drivers/driver.ts';
import { engineKey } from '../../runner/expectations/engineKey.ts';
import { type ExpectationContext, expectedProbe } from '../../runner/expectations/probes.ts';
import { loadSubjectExpectations } from '../../runner/expectations/subjectExpectations.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { brotliStream, engineHere, onCocoa } from '../../examples/web-apis/probes/_rules.js';

const rules = await loadSubjectExpectations(join(PROJECT_ROOT, 'examples/web-apis/probes'));
const BROTLI = 'execution.brotliStream';

const nodePlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
after(() => Object.defineProperty(process, 'platform', nodePlatform));
function asIfNodeRanOn(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...nodePlatform, value: platform });
}

/** The context the runner builds from an engine record (runner/assertProbes.ts). */
function contextOf(engine: Pick<EngineInfo, 'engine' | 'kind' | 'version' | 'platform'>): ExpectationContext {
  return { engine: engineKey(engine), version: engine.version, platform: engine.platform, isolation: 'require-corp' };
}

const macWebKit = { engine: 'webkit', kind: 'playwright', version: '26.0', platform: 'MacIntel' } as const;
const linuxWebKit = { engine: 'webkit', kind: 'playwright', version: '26.0', platform: 'Linux x86_64' } as const;

test('WebKit on a macOS browser gets the Cocoa expectation (brotli since Safari 18.4), whatever Node runs on', () => {
  for (const node of ['linux', 'darwin', 'win32'] as const) {
    asIfNodeRanOn(node);
    const mac = expectedProbe(BROTLI, contextOf(macWebKit), rules);
    assert.equal(mac.status, 'pass', `Node on ${node}: ${mac.why}`);
    assert.match(mac.why, /Safari 18\.4/);
    const linux = expectedProbe(BROTLI, contextOf(linuxWebKit), rules);
    assert.equal(linux.status, 'unsupported', `Node on ${node}: ${linux.why}`);
    assert.match(linux.why, /only on Cocoa ports.*Linux x86_64/);
  }
});

test('the Cocoa rule reads every form a browser or its driver gives its platform', () => {
  for (const platform of ['MacIntel', 'macOS', 'mac', 'darwin', 'iPhone', 'iPad', 'iOS']) assert.ok(onCocoa({ platform }), platform);
  for (const platform of ['Linux x86_64', 'linux', 'Win32', 'Android', 'Linux armv81', '', undefined]) assert.ok(!onCocoa({ platform }), String(platform));
  // A Cocoa WebKit older than the release that shipped it, and an unknown platform, are not expected to pass.
  assert.equal(expectedProbe(BROTLI, contextOf({ ...macWebKit, version: '18.3' }), rules).status, 'unsupported');
  assert.equal(expectedProbe(BROTLI, contextOf({ ...macWebKit, platform: undefined }), rules).status, 'unsupported');
  // WebKitGTK (its own key) and the other engines do not depend on the platform.
  assert.equal(expectedProbe(BROTLI, contextOf({ engine: 'webkit', kind: 'webkitgtk', version: '2.50.6', platform: 'MacIntel' }), rules).status, 'unsupported');
  assert.equal(expectedProbe(BROTLI, contextOf({ engine: 'firefox', kind: 'system', version: '153.8.0', platform: 'Linux x86_64' }), rules).status, 'pass');
  assert.equal(
    expectedProbe(BROTLI, contextOf({ engine: 'chromium', kind: 'system', version: '156.0.8078.114', platform: 'MacIntel' }), rules).status,
    'unsupported',
  );
});

const UA = {
  headlessChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  pixel5: 'Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.4 Mobile Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  webKitGtk: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15',
  iPhone12: 'Mozilla/5.0 (iPhone; CPU iPhone OS 14_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.2 Mobile/15E148 Safari/604.1',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
};

test("the crate's browser test finds its engine from the page (navigator.userAgent and platform), as measured here", () => {
  // What the three engines and the two emulated devices report here (2026-12-06).
  assert.deepEqual(engineHere({ userAgent: UA.headlessChrome, platform: 'Linux x86_64' }), {
    engine: 'chromium',
    version: '156.0.0.0',
    platform: 'Linux x86_64',
  });
  assert.deepEqual(engineHere({ userAgent: UA.pixel5, platform: 'Linux x86_64', userAgentData: { platform: 'Android' } }), {
    engine: 'chromium',
    version: '156.0.8078.4',
    platform: 'Linux x86_64',
  });
  assert.deepEqual(engineHere({ userAgent: UA.firefox, platform: 'Linux x86_64' }), { engine: 'firefox', version: '153.0', platform: 'Linux x86_64' });
  assert.deepEqual(engineHere({ userAgent: UA.webKitGtk, platform: 'Linux x86_64' }), { engine: 'webkit', version: '60.5', platform: 'Linux x86_64' });
  // iphone12 emulated on a Linux WebKit: the user agent says iPhone, the platform says what runs it.
  const iphone12 = engineHere({ userAgent: UA.iPhone12, platform: 'Linux x86_64' });
  assert.equal(brotliStream(iphone12).status, 'unsupported');
  // Safari on a Mac, and Firefox here: the rule's other outcome.
  assert.equal(brotliStream(engineHere({ userAgent: UA.safari, platform: 'MacIntel' })).status, 'pass');
  assert.equal(brotliStream(engineHere({ userAgent: UA.firefox, platform: 'Linux x86_64' })).status, 'pass');
  assert.throws(() => engineHere({ userAgent: 'curl/8.5.0', platform: '' }), /no engine this crate has expectations for/);
});

test("the drivers record navigator.platform: under Playwright's device emulation userAgentData names the emulated device", () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const as = (nav: object) => Object.defineProperty(globalThis, 'navigator', { value: nav, configurable: true });
  try {
    as({ platform: 'Linux x86_64', userAgentData: { platform: 'Android' } });
    assert.equal(pagePlatform(), 'Linux x86_64');
    as({ platform: '', userAgentData: { platform: 'macOS' } });
    assert.equal(pagePlatform(), 'macOS');
    as({ platform: 'MacIntel' });
    assert.equal(pagePlatform(), 'MacIntel');
  } finally {
    if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    else delete (globalThis as { navigator?: unknown }).navigator;
  }
});
