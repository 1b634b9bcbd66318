// Where a run came from, as the history store records it: the commit and branch of the subject's
// checkout (CI's branch where the checkout is detached), and the machine. Each producer (the suite,
// the benchmarks, Lighthouse, coverage) names its runs with these, so that a trend can be read per
// commit and per branch, and stores from several machines told apart.
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { outsideVariable } from '../settings/environment.ts';

export interface RunIdentity {
  commit: string | null;
  branch: string | null;
  dirty: boolean | null;
  machine: string;
}

function git(dir: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The checkout at `dir` (the subject's folder); `known` wins where a build record already says it. */
export function runIdentity(dir: string, known: { commit?: string | null; dirty?: boolean | null } = {}): RunIdentity {
  const head = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const ciBranch = outsideVariable('GITHUB_HEAD_REF') || outsideVariable('GITHUB_REF_NAME');
  const status = known.dirty === undefined || known.dirty === null ? git(dir, ['status', '--porcelain']) : null;
  return {
    commit: known.commit ?? git(dir, ['rev-parse', 'HEAD']),
    branch: ciBranch || (head && head !== 'HEAD' ? head : null),
    dirty: known.dirty ?? (status === null ? null : status.length > 0),
    machine: `${outsideVariable('RUNNER_NAME') || hostname()} (${process.platform}-${process.arch})`,
  };
}
