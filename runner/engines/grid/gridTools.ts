// What a local Selenium Grid needs: Selenium Grid 4's jars from Maven Central
// (build/selenium-grid/pom.xml, `mvn dependency:copy-dependencies`), copied once into .cache (from
// Maven's own cache after the first time), landing in a temporary folder moved into place whole so
// that an interrupted copy is never taken for a finished one; and the nodes' drivers, which
// scripts/setup.sh installs: geckodriver compiled from crates.io (GECKODRIVER_VERSION in
// build/toolchain.sh) for Firefox, Debian's chromedriver for Chromium. scripts/setup.sh (through
// `npm run grid -- --install`) and `npm run grid` call ensureGridTools.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../reporting/projectRoot.ts';
import { childEnvironment, environment } from '../../../settings/environment.ts';
import { which } from '../findBinary.ts';

/** Pinned: seen to run here with Java 17 (docs/toolchain.md). */
export const SELENIUM_GRID_VERSION = '4.38.0';

export interface GridTools {
  /** The java to start hub and nodes with. */
  java: string;
  /** The classpath of Selenium Grid's jars (`<folder>/*`). */
  classpath: string;
  chromedriver: string | null;
  geckodriver: string | null;
}

const CACHE = join(PROJECT_ROOT, '.cache');
const gridLib = join(CACHE, 'selenium-grid', SELENIUM_GRID_VERSION, 'lib');

function run(command: string, args: string[], what: string, cwd = PROJECT_ROOT): void {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: childEnvironment() });
  if (r.error || r.status !== 0)
    throw new Error(
      `${what} failed (${command} ${args.join(' ')}): ${r.error?.message ?? `exit ${r.status}`}\n${(r.stderr || r.stdout || '').split('\n').slice(-15).join('\n')}`,
    );
}

/** Into `final` through `final.tmp`: the folder exists only once complete. */
function installInto(final: string, install: (tmp: string) => void): void {
  const tmp = `${final}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  install(tmp);
  rmSync(final, { recursive: true, force: true });
  renameSync(tmp, final);
}

/**
 * A tool where scripts/setup.sh's cargo install put it ($CARGO_INSTALL_ROOT/bin, else
 * $CARGO_HOME/bin, else ~/.cargo/bin), not the first on PATH: under npm, PATH starts with
 * node_modules/.bin, whose `geckodriver` is the npm package's shim, which downloads from GitHub.
 */
function cargoInstalled(tool: string): string | null {
  const env = environment();
  const dirs = [env.CARGO_INSTALL_ROOT, env.CARGO_HOME, join(homedir(), '.cargo')].filter((d): d is string => !!d);
  return dirs.map((d) => join(d, 'bin', tool)).find((f) => existsSync(f)) ?? null;
}

/** The grid's tools, installing what is missing; `log` hears what is being installed. */
export function ensureGridTools(log: (line: string) => void = () => undefined): GridTools {
  const java = which('java');
  if (!java) throw new Error('Selenium Grid needs Java 17 or newer: no java on PATH (Debian: openjdk-17-jre-headless)');
  if (!existsSync(gridLib) || readdirSync(gridLib).length === 0) {
    const mvn = which('mvn');
    if (!mvn)
      throw new Error(`Selenium Grid ${SELENIUM_GRID_VERSION} is not in ${gridLib}, and there is no mvn to fetch it from Maven Central (Debian: maven)`);
    log(`selenium-grid: fetching Selenium Grid ${SELENIUM_GRID_VERSION} and its dependencies from Maven Central into ${gridLib}`);
    installInto(gridLib, (tmp) =>
      run(
        mvn,
        ['-q', '-B', `-Dselenium.version=${SELENIUM_GRID_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`],
        'fetching Selenium Grid',
        join(PROJECT_ROOT, 'build', 'selenium-grid'),
      ),
    );
  }
  return { java, classpath: join(gridLib, '*'), chromedriver: which('chromedriver'), geckodriver: cargoInstalled('geckodriver') };
}
