// A run that ran nothing fails, naming each project and why; WASM_COMPAT_REQUIRE names the projects
// a CI job exists for, and the run fails unless each is configured and ran.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FullConfig } from '@playwright/test';
import { foldProjects, gateOf } from '../../runner/globalTeardown.ts';
import { requiredProjects, runGate } from '../../runner/runGate.ts';
import type { SavedTest } from '../../runner/testRecord.ts';

const notRun = new Map([
  ['webkit', 'WebKit not found: no WebKitWebDriver'],
  ['appium-android', 'no Android device: adb devices listed none'],
]);

test('nothing ran: the run fails, naming each project and why', () => {
  const problem = runGate(['webkit', 'appium-android'], new Set(), notRun, []);
  assert.match(problem!, /^nothing ran, so nothing was tested:\n {2}webkit: WebKit not found: no WebKitWebDriver\n {2}appium-android: no Android device/);
  assert.match(runGate([], new Set(), new Map(), [])!, /the config has no projects/);
});

test('some engines missing, others ran: not a failure (a person runs what they have)', () => {
  assert.equal(runGate(['chromium', 'webkit'], new Set(['chromium']), notRun, []), null);
});

test('WASM_COMPAT_REQUIRE: each named project must be configured and must have run', () => {
  assert.deepEqual(requiredProjects({ WASM_COMPAT_REQUIRE: 'appium-android, chromium firefox' }), ['appium-android', 'chromium', 'firefox']);
  assert.deepEqual(requiredProjects({}), []);
  assert.match(
    runGate(['chromium', 'appium-android'], new Set(['chromium']), notRun, ['appium-android'])!,
    /WASM_COMPAT_REQUIRE names appium-android, which did not run: no Android device/,
  );
  assert.match(
    runGate(['chromium'], new Set(['chromium']), notRun, ['appium-ios'])!,
    /names appium-ios, which is not a project of this config \(its projects: chromium\)/,
  );
  assert.equal(runGate(['chromium', 'appium-android'], new Set(['appium-android']), notRun, ['appium-android']), null);
});

test("the teardown's gate reads the saved tests: a skipped-as-not-run project is why, a test whose worker died still ran and failed", () => {
  const saved = (project: string, status: SavedTest['status'], notRun?: string): SavedTest => ({
    project,
    testId: `${project}-${status}`,
    title: 't',
    startedAt: 0,
    status,
    annotations: notRun ? [{ type: 'wasm-compat-not-run', description: notRun }] : [],
    attachments: [],
  });
  const config = { projects: [{ name: 'chromium' }, { name: 'webkit' }] } as Pick<FullConfig, 'projects'>;
  assert.match(gateOf(config, [saved('webkit', 'skipped', 'WebKit not found')])!, /nothing ran, so nothing was tested:\n {2}webkit: WebKit not found$/);
  assert.equal(gateOf(config, [saved('webkit', 'skipped', 'WebKit not found'), saved('chromium', 'running')]), null);
  const folded = foldProjects([saved('chromium', 'running'), saved('chromium', 'passed')]).get('chromium')!;
  assert.deepEqual(folded.tests, { passed: 1, failed: 1, skipped: 0 }, 'the unfinished test counts as failed');
});
