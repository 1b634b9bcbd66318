// Chromium: Playwright's build, else Debian's (or WASM_COMPAT_CHROMIUM) with the flags this machine needs.
import { defineEngine, systemBrowser } from './descriptor.ts';
import { readSetting } from '../../../settings/settings.ts';

/** Chromium flags for a root user in a closed network (docs/toolchain.md): without the
 * background-networking ones Chromium floods the machine with refused connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineEngine({
  name: 'chromium',
  playwright: 'chromium',
  findOnSystem(env) {
    const candidates = [readSetting('chromium', env), '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
    return systemBrowser('chromium', 'Chromium', candidates, (binary) => ({
      engine: 'chromium',
      kind: 'system',
      binary,
      args: CHROMIUM_ARGS,
      source: 'system Chromium',
    }));
  },
  families: [{ key: 'chromium', name: 'Chromium', url: 'https://www.chromium.org/' }],
  wptProduct: 'chromium',
  webdriverBrowserName: 'chrome',
  remoteBrowserName: /chrom|edge|msedge|android/,
  throttles: true,
  desktop: { device: 'Desktop Chrome', colour: '#E69F00', order: 10 },
});
