// The build the benchmarks time. Their WASM-vs-JS pairs need the demo crate's TypeScript twins
// (crate/twins/), so they time the demo (crate/), resolved through subject/ as the page resolves
// its subject, whatever subject the suite is configured with; WASM_COMPAT_PKG names another
// wasm-pack folder of the demo (an optimization variant). Staleness is subject/'s one check.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_INFO_FILE } from '../build/buildInfo.ts';
import { staleReason } from '../subject/buildSubject.ts';
import { demoSubject, describeSubject, resolveSubject } from '../subject/resolveSubject.ts';
import { readSetting, SETTINGS } from '../settings/settings.ts';
import { type Environment, environment } from '../settings/environment.ts';

/** The wasm-pack folder the pairs load: WASM_COMPAT_PKG, else the demo crate's. */
export function benchedPkgDir(env: Environment = environment()): string {
  const set = readSetting('pkg', env);
  return set ? resolve(set) : demoSubject().pkgDir;
}

/** Why the numbers would be for an old or missing build, or null. */
export function benchedBuildWarning(pkgDir: string): string | null {
  const demo = demoSubject();
  if (resolve(pkgDir) !== demo.pkgDir) {
    return existsSync(join(pkgDir, BUILD_INFO_FILE))
      ? null
      : `${pkgDir} has no ${BUILD_INFO_FILE}: it is not a wasm-pack build of the demo crate (${SETTINGS.pkg.env})`;
  }
  const reason = staleReason(demo);
  return reason ? `${demo.pkgDir}: ${reason}, so these numbers would be for an old build (npm run build:subject -- --demo)` : null;
}

/** Said when the suite is configured with another crate: the benchmarks do not time it. */
export function otherSubjectNote(): string | null {
  const subject = resolveSubject();
  if (subject.isDemo) return null;
  return `the WASM-vs-JS pairs time the demo crate (they need its TypeScript twins), not the configured subject ${describeSubject(subject)}`;
}
