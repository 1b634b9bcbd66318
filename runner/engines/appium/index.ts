// Every Appium engine of the Appium run (npm run test:appium), with what detection found: a session
// to open, or why not. Adding one: a file beside these returning an EngineChoice, and a line here.
// The run's remote projects (a grid's browsers, a device farm) come from runner/engines/remote.ts.
import type { EngineChoice } from '../engineChoice.ts';
import { appiumAndroid } from './android.ts';
import { appiumChromium } from './chromium.ts';
import { appiumIos } from './ios.ts';

export const APPIUM_ENGINES: Record<string, () => EngineChoice> = {
  'appium-chromium': appiumChromium,
  'appium-android': () => appiumAndroid(),
  'appium-ios': () => appiumIos(),
};
