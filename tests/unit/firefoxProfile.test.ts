// A Firefox launch's profile starts from its build's seed (runner/engines/firefoxProfile.ts): the
// seed is made once per binary by two launches of an empty profile and holds only what a start
// reads (the startup cache, the built-in add-ons' registry), never what a page or a session left;
// each launch gets a copy of its own; another build of Firefox gets another seed. The launches here
// are a stand-in that writes what a Firefox start writes into its profile: the real launches are
// every Firefox project of npm test's runs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { BrowserType } from '@playwright/test';
import { SEED_FILES, seededFirefoxProfile, seedDir } from '../../runner/engines/firefoxProfile.ts';

const root = mkdtempSync(join(tmpdir(), 'wasm-compat-firefox-profile-'));
after(() => rmSync(root, { recursive: true, force: true }));
const binary = join(root, 'firefox');
writeFileSync(binary, '#!/bin/sh\n');

/** Writes what a Firefox start leaves in its profile, the start's number in each file. */
function fakeFirefox(): { launcher: Pick<BrowserType, 'launchPersistentContext'>; starts: string[] } {
  const starts: string[] = [];
  const launcher = {
    launchPersistentContext: async (dir: string) => {
      starts.push(dir);
      mkdirSync(join(dir, 'startupCache'), { recursive: true });
      writeFileSync(join(dir, 'startupCache', 'scriptCache.bin'), `start ${starts.length}`);
      for (const file of ['compatibility.ini', 'extensions.json', 'cookies.sqlite', 'prefs.js', 'places.sqlite'])
        writeFileSync(join(dir, file), `start ${starts.length}`);
      mkdirSync(join(dir, 'storage', 'default'), { recursive: true });
      return { close: async () => {} };
    },
  } as unknown as Pick<BrowserType, 'launchPersistentContext'>;
  return { launcher, starts };
}

test("a profile starts from the seed two starts made, with nothing of a page's or a session's", async () => {
  const seeds = join(root, 'seeds');
  const { launcher, starts } = fakeFirefox();
  const profile = await seededFirefoxProfile(launcher, { executablePath: binary }, seeds);
  assert.equal(starts.length, 2, 'the seed is made by two starts of one empty profile');
  assert.equal(starts[0], starts[1]);
  assert.deepEqual(readdirSync(profile.dir).sort(), ['compatibility.ini', 'extensions.json', 'startupCache']);
  assert.ok(readdirSync(profile.dir).every((f) => SEED_FILES.includes(f)));
  assert.equal(readFileSync(join(profile.dir, 'startupCache', 'scriptCache.bin'), 'utf8'), 'start 2', 'the cache as the second start left it');
  assert.ok(!existsSync(starts[0]!), 'the profile the seed was made in is gone');
  profile.remove();
  assert.ok(!existsSync(profile.dir));
});

test('the seed is made once per Firefox build, and each launch gets a copy of its own', async () => {
  const seeds = join(root, 'once');
  const { launcher, starts } = fakeFirefox();
  const [a, b] = await Promise.all([
    seededFirefoxProfile(launcher, { executablePath: binary }, seeds),
    seededFirefoxProfile(launcher, { executablePath: binary }, seeds),
  ]);
  assert.equal(readdirSync(seeds).length, 1, 'two launches making it at once keep one seed');
  const made = starts.length;
  const c = await seededFirefoxProfile(launcher, { executablePath: binary }, seeds);
  assert.equal(starts.length, made, 'a seed that is there is not made again');
  assert.equal(new Set([a!.dir, b!.dir, c.dir]).size, 3);
  const cache = (dir: string) => readFileSync(join(dir, 'startupCache', 'scriptCache.bin'), 'utf8');
  const seeded = cache(c.dir);
  writeFileSync(join(a!.dir, 'startupCache', 'scriptCache.bin'), 'changed by a launch');
  assert.equal(cache(b!.dir), seeded, "one launch's profile does not reach another's");
  assert.equal(cache(seedDir(binary, seeds)), seeded, 'nor the seed');
  for (const p of [a!, b!, c]) p.remove();

  const before = seedDir(binary, seeds);
  utimesSync(binary, new Date(), new Date(Date.now() + 60_000));
  assert.notEqual(seedDir(binary, seeds), before, 'an upgraded Firefox (another modification time) has a seed of its own');
  await seededFirefoxProfile(launcher, { executablePath: binary }, seeds).then((p) => p.remove());
  assert.equal(starts.length, made + 2, 'and its seed is made');
});
