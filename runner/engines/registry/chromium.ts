// Chromium: Playwright's build, else Debian's (or WASM_COMPAT_CHROMIUM) with the flags this machine needs.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/**
 * The headless shell of the same build, where it is installed beside a `chromium` binary (Debian's
 * chromium-headless-shell package, from chromium's own source package, puts it in /usr/bin). Only for
 * a binary the suite found itself: WASM_COMPAT_CHROMIUM names exactly the binary to launch.
 */
export function headlessShellBeside(binary: string): string | undefined {
  if (basename(binary) !== 'chromium') return undefined;
  const shell = join(dirname(binary), 'chromium-headless-shell');
  return existsSync(shell) ? shell : undefined;
}

export default defineEngine({
  name: 'chromium',
  playwright: 'chromium',
  findOnSystem(env) {
    const named = readSetting('chromium', env);
    const candidates = [named, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
    return systemBrowser('chromium', 'Chromium', candidates, (binary) => {
      const headlessShell = binary === named ? undefined : headlessShellBeside(binary);
      return { engine: 'chromium', kind: 'system', binary, args: CHROMIUM_ARGS, source: 'system Chromium', ...(headlessShell ? { headlessShell } : {}) };
    });
  },
  families: [{ key: 'chromium', name: 'Chromium', url: 'https://www.chromium.org/' }],
  wptProduct: 'chromium',
  webdriverBrowserName: 'chrome',
  remoteBrowserName: /chrom|edge|msedge|android/,
  throttles: true,
  desktop: { device: 'Desktop Chrome', colour: '#E69F00', order: 10 },
  // V8's own test flags (d8 and Chrome alike); --allow-natives-syntax lets the page ask which
  // compiler ran a function, the pin's proof. Seen to take effect here: ../shared/TOOLCHAIN.md, docs/tiers.md.
  tiers: [
    {
      name: 'liftoff',
      role: 'baseline',
      what: "Liftoff only (V8's baseline compiler; no tier-up to TurboFan)",
      pin: { args: ['--js-flags=--allow-natives-syntax --liftoff-only'] },
      proof: { kind: 'v8-natives', compiler: 'liftoff' },
      source: 'https://v8.dev/docs/wasm-compilation-pipeline',
    },
    {
      name: 'turbofan',
      role: 'optimizing',
      what: "TurboFan only (V8's optimizing compiler; Liftoff off)",
      pin: { args: ['--js-flags=--allow-natives-syntax --no-liftoff'] },
      proof: { kind: 'v8-natives', compiler: 'turbofan' },
      source: 'https://v8.dev/docs/wasm-compilation-pipeline',
    },
  ],
});
