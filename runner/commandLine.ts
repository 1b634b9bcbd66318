// What `playwright test`'s command line asks of the projects, read in Playwright's own process (the
// workers never see it): whether it runs every test of the projects it runs, which projects it
// names, and how many workers. A run of one project and every test of it gives that project both
// workers (runner/bothWorkers.ts); a file filter, --grep, --shard, --last-failed or an option this
// list does not know may leave the Rust tests out, and then the project keeps to one worker.

/** Options that choose projects, output or pace, never tests: with their value as the next argument unless joined by `=`. */
const WITH_VALUE = [
  '--project',
  '--reporter',
  '--output',
  '--config',
  '-c',
  '--workers',
  '-j',
  '--timeout',
  '--retries',
  '--max-failures',
  '--repeat-each',
  '--trace',
  '--global-timeout',
  '--tsconfig',
];
const FLAGS = [
  '--headed',
  '--forbid-only',
  '--fully-parallel',
  '--pass-with-no-tests',
  '--quiet',
  '-x',
  '--fail-on-flaky-tests',
  '--no-deps',
  '--ignore-snapshots',
];

export interface CommandLine {
  /** `playwright test` with nothing that leaves a test out. */
  everyTest: boolean;
  /** The projects --project names (each as given: it may be a pattern), or null when none is named. */
  projects: string[] | null;
  /** --workers (or -j) as given, or null when the config's count stands. */
  workers: string | null;
}

/** Reads `argv` (a process's, as Node gives it). */
export function readCommandLine(argv: readonly string[]): CommandLine {
  const at = argv.indexOf('test', 2);
  if (at < 0 || argv.slice(2, at).some((a) => !a.startsWith('-'))) return { everyTest: false, projects: null, workers: null };
  const args = argv.slice(at + 1);
  const projects: string[] = [];
  let workers: string | null = null;
  let everyTest = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, joined] = arg.split(/=(.*)/s) as [string, string | undefined];
    if (FLAGS.includes(arg)) continue;
    if (!WITH_VALUE.includes(name)) {
      everyTest = false;
      continue;
    }
    const value = joined ?? args[++i];
    if (name === '--project' && value !== undefined) projects.push(value);
    if ((name === '--workers' || name === '-j') && value !== undefined) workers = value;
  }
  return { everyTest, projects: projects.length ? projects : null, workers };
}

/** Whether the run is exactly one project: the config has one, or the command line names one by its name (no pattern). */
export function runsOneProject(line: CommandLine, configured: readonly string[]): boolean {
  if (configured.length === 1) return true;
  return line.projects?.length === 1 && configured.includes(line.projects[0]!);
}

/** The one project the run is, with every test of it (the inner loop: `npx playwright test --project=chromium`), or null. */
export function soleProject(line: CommandLine, configured: readonly string[]): string | null {
  if (!line.everyTest || !runsOneProject(line, configured)) return null;
  return configured.length === 1 ? configured[0]! : line.projects![0]!;
}
