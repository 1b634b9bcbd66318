// WebKit: Playwright's build, else WebKitGTK's MiniBrowser over WebKitWebDriver (Debian's
// webkit2gtk-driver), under xvfb-run where there is no display. WebKitGTK numbers its releases 2.x,
// not as Safari does, so its expectations are a family of their own.
import { existsSync } from 'node:fs';
import { which } from '../findBinary.ts';
import { defineEngine } from './descriptor.ts';
import { readSetting } from '../../../settings/settings.ts';
import { type Environment, environment } from '../../../settings/environment.ts';

/** Where WebKitGTK's pieces are (Debian's layout); the environment overrides them for others. */
function webkitGtkPaths(env: Environment = environment()) {
  return {
    driver: readSetting('webkitDriver', env) ?? 'WebKitWebDriver',
    miniBrowser: readSetting('miniBrowser', env) ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    xvfbRun: 'xvfb-run',
  };
}

export default defineEngine({
  name: 'webkit',
  playwright: 'webkit',
  findOnSystem(env) {
    const paths = webkitGtkPaths(env);
    const driver = which(paths.driver, env);
    const browser = existsSync(paths.miniBrowser) ? paths.miniBrowser : null;
    // MiniBrowser needs a display; without one the WebDriver session hangs.
    const xvfbRun = env.DISPLAY ? null : which(paths.xvfbRun, env);
    if (driver && browser && (env.DISPLAY || xvfbRun)) {
      return { engine: 'webkit', kind: 'webkitgtk', binary: browser, driver, xvfbRun, source: 'WebKitGTK MiniBrowser over WebDriver' };
    }
    const lacking = [
      !driver && `${paths.driver} (package webkit2gtk-driver)`,
      !browser && `${paths.miniBrowser}`,
      !env.DISPLAY && !xvfbRun && 'a display or xvfb-run (package xvfb)',
    ].filter(Boolean);
    return {
      engine: 'webkit',
      kind: 'missing',
      reason: `WebKit not found: no Playwright build (npx playwright install webkit), and for WebKitGTK missing ${lacking.join(', ')}`,
    };
  },
  families: [
    { key: 'webkit', name: 'WebKit', url: 'https://webkit.org/' },
    { key: 'webkitgtk', name: 'WebKitGTK', url: 'https://webkitgtk.org/' },
  ],
  familyOf: (reachedAs) => (reachedAs === 'webkitgtk' ? 'webkitgtk' : 'webkit'),
  wptProduct: 'webkit',
  webdriverBrowserName: 'safari',
  remoteBrowserName: /safari|webkit|minibrowser/,
  throttles: false,
  desktop: { device: 'Desktop Safari', colour: '#009E73', order: 30 },
  // JavaScriptCore reads any option from a JSC_<name> variable in its process's environment, which
  // WebKitWebDriver passes to the web process. With BBQ off, OMG is never reached (seen here with
  // WebKitGTK 2.50: JSC_useBBQJIT=false alone runs the interpreter only), so there is no OMG-only pin.
  tiers: [
    {
      name: 'bbq',
      role: 'baseline',
      what: "the in-place interpreter, then BBQ (JavaScriptCore's baseline compiler); OMG off",
      pin: { env: { JSC_useOMGJIT: 'false' } },
      proof: { kind: 'timing', shows: 'baseline-code-when-warm' },
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/JavaScriptCore/runtime/OptionsList.h (useOMGJIT)',
    },
    {
      name: 'ipint',
      role: 'interpreter',
      what: "the in-place interpreter only (JavaScriptCore's IPInt; BBQ and OMG off)",
      pin: { env: { JSC_useBBQJIT: 'false', JSC_useOMGJIT: 'false' } },
      proof: { kind: 'timing', shows: 'interpreted-when-warm' },
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/JavaScriptCore/runtime/OptionsList.h (useBBQJIT, useOMGJIT)',
    },
  ],
});
