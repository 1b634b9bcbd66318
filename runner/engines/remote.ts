// remote: any WebDriver or Appium endpoint given by URL and a capabilities file (a Selenium Grid, a
// cloud device farm) — the way to outgrow one machine.
//   WASM_COMPAT_REMOTE_URL=https://grid.example.com/wd/hub
//   WASM_COMPAT_REMOTE_CAPABILITIES=./caps/safari-17.json
//   WASM_COMPAT_REMOTE_ENGINE=webkit   (when the capabilities' browserName does not say)
import { readFileSync } from 'node:fs';
import type { EngineChoice, EngineName } from './engineResolution.ts';

export function engineFromBrowserName(browserName: unknown): EngineName | null {
  const name = String(browserName ?? '').toLowerCase();
  if (/chrom|edge|msedge|android/.test(name)) return 'chromium';
  if (/firefox|gecko/.test(name)) return 'firefox';
  if (/safari|webkit|minibrowser/.test(name)) return 'webkit';
  return null;
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function remoteEngine(env: NodeJS.ProcessEnv = process.env): EngineChoice {
  const rawUrl = env.WASM_COMPAT_REMOTE_URL;
  const capsPath = env.WASM_COMPAT_REMOTE_CAPABILITIES;
  if (!rawUrl) return { engine: 'chromium', kind: 'missing', reason: 'remote: WASM_COMPAT_REMOTE_URL is not set (a WebDriver or Appium endpoint)' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { engine: 'chromium', kind: 'missing', reason: `remote: WASM_COMPAT_REMOTE_URL is not a URL: ${JSON.stringify(rawUrl)}` };
  }
  if (!capsPath) return { engine: 'chromium', kind: 'missing', reason: 'remote: WASM_COMPAT_REMOTE_CAPABILITIES is not set (a JSON file of capabilities)' };
  let capabilities: Record<string, unknown>;
  try {
    capabilities = JSON.parse(readFileSync(capsPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return { engine: 'chromium', kind: 'missing', reason: `remote: cannot read capabilities from ${capsPath}: ${(error as Error).message}` };
  }
  const engine = (env.WASM_COMPAT_REMOTE_ENGINE as EngineName | undefined) ?? engineFromBrowserName(capabilities.browserName);
  if (!engine) return { engine: 'chromium', kind: 'missing', reason: `remote: cannot tell the engine from browserName ${JSON.stringify(capabilities.browserName)}; set WASM_COMPAT_REMOTE_ENGINE` };
  // A grid elsewhere cannot open the local preview on 127.0.0.1: it needs a deployment to test.
  if (!isLoopback(url) && !env.WASM_COMPAT_BASE_URL) {
    return { engine, kind: 'missing', reason: `remote: ${url.host} cannot reach the local preview on 127.0.0.1; set WASM_COMPAT_BASE_URL to a deployment it can reach` };
  }
  return { engine, kind: 'remote', source: `remote WebDriver endpoint ${url.host}`, url: url.href, capabilities, device: (capabilities['appium:deviceName'] as string | undefined) ?? null };
}
