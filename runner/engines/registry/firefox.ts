// Firefox: Playwright's build, else Debian's firefox-esr (or WASM_COMPAT_FIREFOX) over WebDriver BiDi.
import { firstExisting } from '../findBinary.ts';
import { defineEngine } from './descriptor.ts';
import { readSetting } from '../../../settings/settings.ts';

export default defineEngine({
  name: 'firefox',
  playwright: 'firefox',
  findOnSystem(env) {
    const candidates = [readSetting('firefox', env), '/usr/bin/firefox-esr', '/usr/bin/firefox'];
    const binary = firstExisting(candidates);
    // A stock Firefox speaks WebDriver BiDi, not Playwright's patched Juggler protocol; Playwright
    // reaches it through the 'moz-firefox' channel. Works with Playwright 1.62–1.64; 1.65 fails on
    // emulation.setMediaFeaturesOverride (docs/toolchain.md), hence the 1.64.1 pin.
    if (binary) return { engine: 'firefox', kind: 'system', binary, channel: 'moz-firefox', args: [], source: 'system Firefox over WebDriver BiDi' };
    return {
      engine: 'firefox',
      kind: 'missing',
      reason: `Firefox not found: no Playwright build (npx playwright install firefox) and none of ${candidates.filter(Boolean).join(', ')}`,
    };
  },
  families: [{ key: 'firefox', name: 'Firefox', url: 'https://www.mozilla.org/firefox/' }],
  wptProduct: 'firefox',
  webdriverBrowserName: 'firefox',
  remoteBrowserName: /firefox|gecko/,
  throttles: false,
  desktop: { device: 'Desktop Firefox', colour: '#D55E00', order: 20 },
});
