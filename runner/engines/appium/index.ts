// Every engine of the Appium run (npm run test:appium), with what detection found: a session to
// open, or why not. Adding one: a file beside these returning an EngineChoice, and a line here.
import type { EngineChoice } from '../engineChoice.ts';
import { remoteEngine } from '../remote.ts';
import { appiumAndroid } from './android.ts';
import { appiumChromium } from './chromium.ts';
import { appiumIos } from './ios.ts';

export const APPIUM_ENGINES: Record<string, () => EngineChoice> = {
  'appium-chromium': appiumChromium,
  'appium-android': () => appiumAndroid(),
  'appium-ios': () => appiumIos(),
  remote: () => remoteEngine(),
};
