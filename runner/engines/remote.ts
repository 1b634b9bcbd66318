// remote: any WebDriver or Appium endpoint given by URL and a capabilities file (a Selenium Grid, a
// cloud device farm) — the way to outgrow one machine.
//   WASM_COMPAT_REMOTE_URL=https://grid.example.com/wd/hub
//   WASM_COMPAT_REMOTE_CAPABILITIES=./caps/safari-17.json
//   WASM_COMPAT_REMOTE_ENGINE=webkit   (when the capabilities' browserName does not say)
// The file holds one session's capabilities (the project `remote`), or several projects' under
// `projects` ({"projects": {"grid-chromium": {…}, "grid-firefox": {…}}}: one project per grid browser).
import { readFileSync } from 'node:fs';
import type { EngineChoice, EngineName } from './engineChoice.ts';
import { engineDescriptors, engineNames } from './registry.ts';
import { type Environment, environment } from '../../settings/environment.ts';
import { readSetting } from '../../settings/settings.ts';

/** The engine a grid's browserName means, by each descriptor's remoteBrowserName. */
export function engineFromBrowserName(browserName: unknown): EngineName | null {
  const name = String(browserName ?? '').toLowerCase();
  return engineDescriptors().find((e) => e.remoteBrowserName.test(name))?.name ?? null;
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** A remote setting that is set but wrong: the run stops with this, naming the value, instead of reporting "not run". */
export class RemoteConfigError extends Error {}

/**
 * Every remote project the settings ask for: `remote` alone, or the capabilities file's `projects`,
 * each with its engine. "Not run" only while WASM_COMPAT_REMOTE_URL is unset (no grid asked for).
 * Once it is set, every mistake (a malformed URL, no or an unreadable capabilities file, an engine
 * that cannot be told, a grid that cannot reach the page) throws a RemoteConfigError naming the value.
 */
export function remoteEngines(env: Environment = environment()): Record<string, EngineChoice> {
  const rawUrl = readSetting('remoteUrl', env);
  const capsPath = readSetting('remoteCapabilities', env);
  if (!rawUrl) return { remote: { engine: 'chromium', kind: 'missing', reason: 'remote: WASM_COMPAT_REMOTE_URL is not set (a WebDriver or Appium endpoint)' } };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new RemoteConfigError(`remote: WASM_COMPAT_REMOTE_URL is not a URL: ${JSON.stringify(rawUrl)}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new RemoteConfigError(`remote: WASM_COMPAT_REMOTE_URL must be http or https, got ${JSON.stringify(rawUrl)}`);
  if (!capsPath)
    throw new RemoteConfigError(
      `remote: WASM_COMPAT_REMOTE_URL is set (${url.href}) but WASM_COMPAT_REMOTE_CAPABILITIES is not: name a JSON file of capabilities`,
    );
  let capabilities: Record<string, unknown>;
  try {
    capabilities = JSON.parse(readFileSync(capsPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new RemoteConfigError(`remote: cannot read capabilities from WASM_COMPAT_REMOTE_CAPABILITIES=${capsPath}: ${(error as Error).message}`);
  }
  if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities)) {
    throw new RemoteConfigError(`remote: WASM_COMPAT_REMOTE_CAPABILITIES=${capsPath} must hold a JSON object of capabilities`);
  }
  // A grid elsewhere cannot open the local preview on 127.0.0.1: it needs a deployment to test.
  if (!isLoopback(url) && !readSetting('baseUrl', env)) {
    throw new RemoteConfigError(`remote: ${url.host} cannot reach the local preview on 127.0.0.1; set WASM_COMPAT_BASE_URL to a deployment it can reach`);
  }
  const projects = capabilities.projects;
  if (projects === undefined) return { remote: remoteChoice(url, capabilities, `${capsPath}`, env) };
  if (typeof projects !== 'object' || projects === null || Array.isArray(projects) || Object.keys(projects).length === 0)
    throw new RemoteConfigError(
      `remote: WASM_COMPAT_REMOTE_CAPABILITIES=${capsPath}: "projects" must map project names to capabilities, got ${JSON.stringify(projects)}`,
    );
  return Object.fromEntries(
    Object.entries(projects as Record<string, unknown>).map(([name, caps]) => {
      if (typeof caps !== 'object' || caps === null || Array.isArray(caps))
        throw new RemoteConfigError(
          `remote: WASM_COMPAT_REMOTE_CAPABILITIES=${capsPath}: project ${name}'s capabilities must be a JSON object, got ${JSON.stringify(caps)}`,
        );
      return [name, remoteChoice(url, caps as Record<string, unknown>, `${capsPath} (project ${name})`, env)];
    }),
  );
}

function remoteChoice(url: URL, capabilities: Record<string, unknown>, capsPath: string, env: Environment): EngineChoice {
  const asked = readSetting('remoteEngine', env);
  const ENGINES = engineNames();
  if (asked !== undefined && !ENGINES.includes(asked))
    throw new RemoteConfigError(`remote: WASM_COMPAT_REMOTE_ENGINE=${asked} is not one of ${ENGINES.join(', ')}`);
  const engine = asked ?? engineFromBrowserName(capabilities.browserName);
  if (!engine)
    throw new RemoteConfigError(
      `remote: cannot tell the engine from browserName ${JSON.stringify(capabilities.browserName)} in ${capsPath}; set WASM_COMPAT_REMOTE_ENGINE to one of ${ENGINES.join(', ')}`,
    );
  return {
    engine,
    kind: 'remote',
    source: `remote WebDriver endpoint ${url.host}`,
    url: url.href,
    capabilities,
    device: (capabilities['appium:deviceName'] as string | undefined) ?? null,
  };
}
