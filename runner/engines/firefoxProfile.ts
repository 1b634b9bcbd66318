// Every Firefox the suite launches gets a new, empty profile, and a Firefox in an empty profile
// first compiles its own browser scripts into the profile's startup cache and registers its built-in
// add-ons: about a second of CPU at every launch, and the suite launches Firefox for each project,
// after each failed test (Playwright replaces the worker) and in every meta-test's run (26 launches
// in one npm test, 2026-12-07). So each launch's profile starts from a seed: that cache and the
// add-ons' registry, made once per Firefox build by two launches of an empty profile (the second
// writes the cache Firefox reads at its next start) and copied into each new profile. Nothing a page
// leaves is in it (no storage, cookies, HTTP cache or preferences), and the profile is still the
// launch's own. Firefox checks the cache against its build itself (compatibility.ini), and a seed is
// kept per binary, size and modification time, so an upgraded Firefox makes a new one.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserType, LaunchOptions } from '@playwright/test';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';

/** What a profile's first starts write that every later start reads: the browser's own compiled scripts and the built-in add-ons' registry. */
export const SEED_FILES = ['startupCache', 'compatibility.ini', 'extensions.json', 'addonStartup.json.lz4', 'extension-preferences.json'];

const SEEDS_DIR = join(PROJECT_ROOT, '.cache', 'firefox-profile-seed');

/** The seed's folder for a Firefox binary: its path, size and modification time in the name. */
export function seedDir(binary: string, seeds = SEEDS_DIR): string {
  const s = statSync(binary);
  return join(seeds, `${binary.replace(/[^\w.-]+/g, '_')}-${s.size}-${Math.floor(s.mtimeMs)}`);
}

/** Makes the seed for `launch`'s Firefox unless it is there; two runs making it at once both finish, one seed kept. */
async function ensureSeed(firefox: Pick<BrowserType, 'launchPersistentContext'>, launch: LaunchOptions, seed: string): Promise<void> {
  if (existsSync(seed)) return;
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-firefox-seed-'));
  try {
    const profile = join(scratch, 'profile');
    for (let start = 0; start < 2; start++) {
      const context = await firefox.launchPersistentContext(profile, {
        executablePath: launch.executablePath,
        ...(launch.channel ? { channel: launch.channel } : {}),
      });
      await context.close();
    }
    const made = join(scratch, 'seed');
    mkdirSync(made);
    for (const file of SEED_FILES) if (existsSync(join(profile, file))) cpSync(join(profile, file), join(made, file), { recursive: true });
    mkdirSync(join(seed, '..'), { recursive: true });
    try {
      renameSync(made, seed);
    } catch (error) {
      // Another run's seed got there first: keep it.
      if (!existsSync(seed)) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface FirefoxProfile {
  dir: string;
  remove(): void;
}

/** A new profile folder for one launch of `launch`'s Firefox, started from its build's seed. */
export async function seededFirefoxProfile(
  firefox: Pick<BrowserType, 'launchPersistentContext'>,
  launch: LaunchOptions & { executablePath: string },
  seeds = SEEDS_DIR,
): Promise<FirefoxProfile> {
  const seed = seedDir(launch.executablePath, seeds);
  await ensureSeed(firefox, launch, seed);
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-firefox-profile-'));
  cpSync(seed, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
