// Firefox: Playwright's build, else Debian's firefox-esr (or WASM_COMPAT_FIREFOX) over WebDriver BiDi.
import { defineEngine, systemBrowser } from './descriptor.ts';
import { readSetting } from '../../../settings/settings.ts';

export default defineEngine({
  name: 'firefox',
  playwright: 'firefox',
  findOnSystem(env) {
    // A stock Firefox speaks WebDriver BiDi, not Playwright's patched Juggler protocol; Playwright
    // reaches it through the 'moz-firefox' channel. Works with Playwright 1.62–1.64; 1.65 fails on
    // emulation.setMediaFeaturesOverride (docs/toolchain.md), hence the 1.64.1 pin.
    return systemBrowser('firefox', 'Firefox', [readSetting('firefox', env), '/usr/bin/firefox-esr', '/usr/bin/firefox'], (binary) => ({
      engine: 'firefox',
      kind: 'system',
      binary,
      channel: 'moz-firefox',
      args: [],
      source: 'system Firefox over WebDriver BiDi',
    }));
  },
  families: [{ key: 'firefox', name: 'Firefox', url: 'https://www.mozilla.org/firefox/' }],
  wptProduct: 'firefox',
  webdriverBrowserName: 'firefox',
  remoteBrowserName: /firefox|gecko/,
  throttles: false,
  desktop: { device: 'Desktop Firefox', colour: '#D55E00', order: 20 },
  // The prefs Mozilla's own Raptor jobs flip (wasm-misc-baseline, wasm-misc-optimizing). SpiderMonkey
  // tells a page nothing of its compilers, so the proof is the probe's timings (tierProof.ts).
  tiers: [
    {
      name: 'baseline',
      role: 'baseline',
      what: "the baseline compiler only (SpiderMonkey's RabaldrMonkey; Ion off)",
      pin: { firefoxUserPrefs: { 'javascript.options.wasm_optimizingjit': false } },
      proof: { kind: 'timing', shows: 'baseline-code-when-warm' },
      source: 'https://searchfox.org/mozilla-central/source/modules/libpref/init/StaticPrefList.yaml (javascript.options.wasm_optimizingjit)',
    },
    {
      name: 'ion',
      role: 'optimizing',
      what: "Ion only (SpiderMonkey's optimizing compiler, compiling the whole module before its first call; baseline off)",
      pin: { firefoxUserPrefs: { 'javascript.options.wasm_baselinejit': false } },
      proof: { kind: 'timing', shows: 'optimizing-compile-up-front' },
      source: 'https://searchfox.org/mozilla-central/source/modules/libpref/init/StaticPrefList.yaml (javascript.options.wasm_baselinejit)',
    },
  ],
});
