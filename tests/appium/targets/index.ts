// Every Appium/WebDriver target, with what detection found: a session to open, or why not.
import type { EngineChoice } from '../../engines/engineResolution.ts';
import { appiumAndroid } from './appiumAndroid.ts';
import { appiumChromium } from './appiumChromium.ts';
import { appiumIos } from './appiumIos.ts';
import { remoteTarget } from './remote.ts';

export const APPIUM_TARGETS: Record<string, () => EngineChoice> = {
  'appium-chromium': appiumChromium,
  'appium-android': () => appiumAndroid(),
  'appium-ios': () => appiumIos(),
  remote: () => remoteTarget(),
};
