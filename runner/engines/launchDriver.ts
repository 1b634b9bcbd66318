// Opens a Driver on the engine a project resolved to: a Playwright browser (its own build or a
// system one) with the project's device descriptor, or WebKitGTK over WebDriver with as much of
// the descriptor as WebDriver can apply. Returns the driver and how to shut everything down.
import type { Browser, BrowserContext, BrowserContextOptions, BrowserType, LaunchOptions } from '@playwright/test';
import { seededFirefoxProfile } from './firefoxProfile.ts';
import { type Driver, type EngineInfo, pagePlatform } from '../drivers/driver.ts';
import { PlaywrightDriver } from '../drivers/playwrightDriver.ts';
import { WebDriverDriver } from '../drivers/webdriverDriver.ts';
import { execFileSync } from 'node:child_process';
import { startAppium } from './appium/appiumServer.ts';
import { type EngineChoice, launchOptions } from './engineChoice.ts';
import { engineDescriptor } from './registry.ts';
import { type CompilerTier, type PlaywrightBrowser, pinWords, type TierPin } from './registry/descriptor.ts';
import { startWebKitGtkDriver } from './webkitgtk.ts';
import { appliedThrottling, chromiumThrottling, engineThrottles, notThrottled, throttlePage } from '../throttling/applyThrottling.ts';
import type { ThrottleProfile, ThrottlingRecord } from '../throttling/throttlingProfile.ts';
import { readSetting } from '../../settings/settings.ts';
import { childEnvironment } from '../../settings/environment.ts';

/** The browser's platform as its WebDriver session states it (platformName), else as its page reports it: never Node's. */
async function webdriverPlatform(browser: WebdriverIO.Browser): Promise<string> {
  const stated = (browser.capabilities as { platformName?: unknown }).platformName;
  return typeof stated === 'string' && stated ? stated : ((await browser.execute(pagePlatform)) as string);
}

/** webdriverio, loaded when a WebDriver engine starts: its import is half a second, which every
 * Playwright worker paid at its start (and again after each failed test) for engines that never use it. */
async function webdriverRemote(): Promise<typeof import('webdriverio').remote> {
  return (await import('webdriverio')).remote;
}

export interface DeviceOptions {
  name: string | null;
  context: BrowserContextOptions;
  /** A phone's CPU and network (runner/throttling/): applied over CDP in Chromium, named as not applied elsewhere. */
  throttle?: ThrottleProfile | null;
  /** The compiler to pin the engine to (its descriptor's tiers): launched with the pin's arguments. */
  tier?: CompilerTier | null;
}

export interface LaunchedDriver {
  driver: Driver;
  shutdown(): Promise<void>;
}

type Launchable = Exclude<EngineChoice, { kind: 'missing' }>;

export async function launchDriver(
  project: string,
  choice: Launchable,
  device: DeviceOptions,
  browserTypes: Record<PlaywrightBrowser, BrowserType>,
  harnessUrl: string,
  /** Playwright's `headless` (false under --headed or --debug): which binary a system Chromium launches (launchOptions). */
  headless = true,
): Promise<LaunchedDriver> {
  const refused = device.tier ? pinRefusal(choice, device.tier.pin) : null;
  if (refused) throw new Error(`${project}: the ${device.tier!.name} pin (${pinWords(device.tier!.pin).join(' ')}) ${refused}`);
  if (choice.kind === 'webkitgtk') return launchWebKitGtk(project, choice, device);
  if (choice.kind === 'appium' || choice.kind === 'remote') return launchWebDriverSession(project, choice, harnessUrl);

  const browserType = engineDescriptor(choice.engine).playwright;
  if (!browserType)
    throw new Error(
      `${project}: ${choice.engine} resolved to ${choice.kind} (${choice.binary}), but its descriptor names no Playwright browser type to drive it`,
    );
  const launch = launchOptions(choice, headless);
  const { browser, context, close } = await openBrowserContext(
    browserTypes[browserType],
    browserType,
    {
      ...launch,
      args: [...launch.args, ...(device.tier?.pin.args ?? [])],
      ...(device.tier?.pin.firefoxUserPrefs ? { firefoxUserPrefs: device.tier.pin.firefoxUserPrefs } : {}),
      ...(device.tier?.pin.env ? { env: childEnvironment(device.tier.pin.env) } : {}),
    },
    device.context,
  );
  try {
    // CDP exists in Chromium only; Playwright's Firefox and WebKit have no CPU or network emulation.
    const throttling: ThrottlingRecord | null = !device.throttle
      ? null
      : engineThrottles(choice.engine)
        ? chromiumThrottling(device.throttle)
        : notThrottled(device.throttle, `Playwright drives ${choice.engine} without CDP, which has no CPU or network emulation`);
    const page = await context.newPage();
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const platform = await page.evaluate(pagePlatform);
    await page.close();
    const engine: EngineInfo = {
      project,
      engine: choice.engine,
      kind: choice.kind,
      source: choice.source,
      binary: launch.executablePath,
      version: browser.version(),
      userAgent,
      platform,
      emulated: device.name !== null,
      device: device.name,
      notApplied: throttling?.notApplied ?? [],
      throttling,
      ...tierRecord(device.tier),
    };
    const applied = appliedThrottling(throttling);
    return {
      driver: new PlaywrightDriver(
        context,
        engine,
        applied ? (p, o) => throttlePage(context, p, o.throttleNetwork === false ? { ...applied, network: null } : applied) : undefined,
      ),
      shutdown: close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A browser and the one context the suite drives in it. Firefox's comes in a profile started from its
 * build's seed (firefoxProfile.ts: a second less of CPU at each launch), so it is that profile's own context. */
async function openBrowserContext(
  browserType: BrowserType,
  name: PlaywrightBrowser,
  launch: LaunchOptions & { executablePath: string },
  context: BrowserContextOptions,
): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
  if (name === 'firefox') {
    const profile = await seededFirefoxProfile(browserType, launch);
    try {
      const persistent = await browserType.launchPersistentContext(profile.dir, { ...launch, ...context });
      const browser = persistent.browser();
      if (!browser) {
        await persistent.close();
        throw new Error(`Playwright gave no browser for the Firefox at ${launch.executablePath} launched in profile ${profile.dir}`);
      }
      return {
        browser,
        context: persistent,
        close: async () => {
          await persistent.close();
          profile.remove();
        },
      };
    } catch (error) {
      profile.remove();
      throw error;
    }
  }
  const browser = await browserType.launch(launch);
  try {
    return { browser, context: await browser.newContext(context), close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Why a pin cannot reach this engine, or null: a pin is how the suite launches a browser, so an engine it does not launch (Appium's, a grid's) takes none, and WebKitGTK, launched through WebKitWebDriver, takes its environment only. */
function pinRefusal(choice: Launchable, pin: TierPin): string | null {
  if (choice.kind === 'appium' || choice.kind === 'remote') return `cannot reach ${choice.source}, which the suite does not launch`;
  if (choice.kind === 'webkitgtk' && (pin.args?.length || pin.firefoxUserPrefs))
    return `is arguments or preferences, and ${choice.source} takes only its environment`;
  return null;
}

const tierRecord = (tier: CompilerTier | null | undefined) =>
  tier ? { tier: { name: tier.name, role: tier.role, what: tier.what, pin: pinWords(tier.pin) } } : {};

async function launchWebKitGtk(project: string, choice: Extract<EngineChoice, { kind: 'webkitgtk' }>, device: DeviceOptions): Promise<LaunchedDriver> {
  const server = await startWebKitGtkDriver(choice, device.tier?.pin.env);
  const args = ['--automation'];
  // MiniBrowser takes the user agent on its command line; the viewport goes through setWindowRect.
  if (device.context.userAgent) args.push(`--user-agent=${device.context.userAgent}`);
  try {
    const browser = await (await webdriverRemote())({
      hostname: '127.0.0.1',
      port: server.port,
      logLevel: 'error',
      connectionRetryCount: 1,
      capabilities: {
        // No browserName: 'MiniBrowser' fails to match (docs/toolchain.md).
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: choice.binary, args },
      } as WebdriverIO.Capabilities,
    });
    const notApplied: string[] = [];
    if (device.context.viewport) await browser.setWindowSize(device.context.viewport.width, device.context.viewport.height);
    if (device.context.deviceScaleFactor && device.context.deviceScaleFactor !== 1) notApplied.push(`deviceScaleFactor ${device.context.deviceScaleFactor}`);
    if (device.context.isMobile) notApplied.push('isMobile (mobile viewport meta handling)');
    if (device.context.hasTouch) notApplied.push('hasTouch (touch events)');
    const throttling = device.throttle ? notThrottled(device.throttle, 'WebKitGTK over WebDriver has neither CPU throttling nor network emulation') : null;
    notApplied.push(...(throttling?.notApplied ?? []));
    const caps = browser.capabilities as WebdriverIO.Capabilities;
    const engine: EngineInfo = {
      project,
      engine: choice.engine,
      kind: choice.kind,
      source: choice.source,
      binary: choice.binary,
      version: String(caps.browserVersion ?? 'unknown'),
      userAgent: (await browser.execute(() => navigator.userAgent)) as string,
      platform: await webdriverPlatform(browser),
      emulated: device.name !== null,
      device: device.name,
      notApplied,
      throttling,
      ...tierRecord(device.tier),
    };
    return {
      driver: new WebDriverDriver(browser, engine),
      shutdown: async () => {
        await browser.deleteSession().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A session through a local Appium server (started here, stopped at shutdown) or a remote endpoint. */
async function launchWebDriverSession(
  project: string,
  choice: Extract<EngineChoice, { kind: 'appium' | 'remote' }>,
  harnessUrl: string,
): Promise<LaunchedDriver> {
  const server = choice.kind === 'appium' ? await startAppium(choice.allowInsecure) : null;
  const endpoint = new URL(server ? server.url : choice.kind === 'remote' ? choice.url : '');
  try {
    if (choice.kind === 'appium' && choice.adbReverseSerial) {
      // The device reaches the page on its own 127.0.0.1 (a secure context, so isolation works).
      const port = new URL(harnessUrl).port || '80';
      execFileSync(readSetting('adb') ?? 'adb', ['-s', choice.adbReverseSerial, 'reverse', `tcp:${port}`, `tcp:${port}`], { timeout: 15_000 });
    }
    const browser = await (await webdriverRemote())({
      protocol: endpoint.protocol.replace(':', ''),
      hostname: endpoint.hostname,
      port: Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80)),
      path: endpoint.pathname,
      logLevel: 'error',
      connectionRetryCount: 1,
      // A grid proxies WebDriver BiDi's websocket, and when a node dies under a session its
      // commands wait out bidiResponseTimeout (3 min); classic HTTP gets the grid's error at once
      // ("Unable to execute request for an existing session: java.net.ConnectException", seen here).
      capabilities: (choice.kind === 'remote'
        ? { ...choice.capabilities, 'wdio:enforceWebDriverClassic': true }
        : choice.capabilities) as WebdriverIO.Capabilities,
    });
    const caps = browser.capabilities as WebdriverIO.Capabilities & Record<string, unknown>;
    const engine: EngineInfo = {
      project,
      engine: choice.engine,
      kind: choice.kind,
      source: choice.source,
      binary: choice.kind === 'appium' ? choice.binary : endpoint.href,
      // iOS Safari reports no browserVersion; its version is the platform's.
      version: String(caps.browserVersion ?? caps['appium:platformVersion'] ?? caps.platformVersion ?? 'unknown'),
      userAgent: (await browser.execute(() => navigator.userAgent)) as string,
      platform: await webdriverPlatform(browser),
      emulated: choice.kind === 'appium' ? choice.emulated : false,
      device: choice.device,
      notApplied: [],
    };
    return {
      driver: new WebDriverDriver(browser, engine),
      shutdown: async () => {
        await browser.deleteSession().catch(() => undefined);
        await server?.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}
