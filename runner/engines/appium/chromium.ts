// appium-chromium: Chromium through appium-chromium-driver with the Pixel 5 metrics and user agent.
// Runs wherever Chromium and its chromedriver are installed: proves the Appium path end to end.
import type { EngineChoice } from '../engineChoice.ts';
import { resolveEngine } from '../engineResolution.ts';
import { CHROMIUM_ARGS } from '../registry/chromium.ts';
import { deviceDescriptor } from '../deviceDescriptor.ts';
import { chromiumCapabilities } from './capabilities.ts';
import { chromedriverCandidates, findChromedriver } from '../chromedriver.ts';

export const APPIUM_CHROMIUM_DEVICE = 'Pixel 5';

export function appiumChromium(): EngineChoice {
  const chromium = resolveEngine('chromium');
  if (chromium.kind !== 'playwright' && chromium.kind !== 'system')
    return { engine: 'chromium', kind: 'missing', reason: `appium-chromium: ${'reason' in chromium ? chromium.reason : 'no Chromium'}` };
  const chromedriver = findChromedriver();
  if (!chromedriver) {
    return {
      engine: 'chromium',
      kind: 'missing',
      reason: `appium-chromium: no chromedriver at ${chromedriverCandidates().join(', ')} (package chromium-driver, or WASM_COMPAT_CHROMEDRIVER)`,
    };
  }
  return {
    engine: 'chromium',
    kind: 'appium',
    source: 'Chromium through Appium (appium-chromium-driver)',
    binary: chromium.binary,
    capabilities: chromiumCapabilities({ chromedriver, chromium: chromium.binary, args: CHROMIUM_ARGS, device: deviceDescriptor(APPIUM_CHROMIUM_DEVICE) }),
    allowInsecure: [],
    device: APPIUM_CHROMIUM_DEVICE,
    emulated: true,
  };
}
