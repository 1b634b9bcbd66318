// A run must have run something. Every project whose engine is missing skips its tests as "not
// run" (with the reason), which is right for a person without that engine; but when no project ran
// at all, the run fails, naming each project and why. A CI job that exists for one target names it
// in WASM_COMPAT_REQUIRE (e.g. appium-android, or chromium,firefox): the run fails unless each
// named project is in the config and ran. The global teardown applies it to the run's saved tests
// (runner/globalTeardown.ts), so no --reporter on the command line can switch it off.
import { readSetting, SETTINGS } from '../settings/settings.ts';
import { type Environment, environment } from '../settings/environment.ts';

const REQUIRE_ENV = SETTINGS.require.env;

/** The projects WASM_COMPAT_REQUIRE names (comma or space separated). */
export function requiredProjects(env: Environment = environment()): string[] {
  return readSetting('require', env) ?? [];
}

/**
 * Why the run must fail, or null: nothing ran, or a required project is absent or did not run.
 * `configured`: every project of the config; `selected`: those this run had tests for (after --project and filters).
 */
export function runGate(
  configured: string[],
  ran: Set<string>,
  notRun: Map<string, string>,
  required: string[],
  selected: string[] = configured,
): string | null {
  const problems: string[] = [];
  for (const name of required) {
    if (!configured.includes(name))
      problems.push(`${REQUIRE_ENV} names ${name}, which is not a project of this config (its projects: ${configured.join(', ') || 'none'})`);
    else if (!ran.has(name)) problems.push(`${REQUIRE_ENV} names ${name}, which did not run: ${notRun.get(name) ?? 'no test of it ran'}`);
  }
  if (ran.size === 0 && problems.length === 0) {
    const why = selected.map((p) => `${p}: ${notRun.get(p) ?? 'no test ran'}`);
    problems.push(`nothing ran, so nothing was tested${why.length ? `:\n  ${why.join('\n  ')}` : ' (the config has no projects)'}`);
  }
  return problems.length ? problems.join('\n') : null;
}
