// The one call the site page makes into the subject. The suite knows what an export does only for
// the demo crate (its own probes type the glue; the generic probes never call an export), so only
// there is a call chosen: sieveCount, a cheap kernel that stands for "the page used the module".
// Any other subject is initialised and not called, and the page says so: calling an export the
// suite does not know could need arguments, panic or change state.
import type { CrateModule, SubjectInfo } from '../probes/probe.ts';

export interface SiteCall {
  /** The export called, with its arguments, as the page shows it. */
  label: string;
  run(glue: CrateModule): string;
}

const DEMO_SIEVE_LIMIT = 100_000;

const demoCall: SiteCall = {
  label: `sieveCount(${DEMO_SIEVE_LIMIT})`,
  run(glue) {
    const sieveCount = glue.sieveCount;
    if (typeof sieveCount !== 'function') throw new Error(`the demo crate's glue has no sieveCount function (${typeof sieveCount})`);
    return `${String((sieveCount as (limit: number) => number)(DEMO_SIEVE_LIMIT))} primes up to ${DEMO_SIEVE_LIMIT.toLocaleString('en-US')}`;
  },
};

/** The call the page makes, or null where the suite knows no export that is safe to call. */
export function siteCall(subject: Pick<SubjectInfo, 'isDemo'>): SiteCall | null {
  return subject.isDemo ? demoCall : null;
}

/** The glue's exported names (functions and classes), for a page that could not call one of them. */
export function exportedNames(glue: CrateModule): string[] {
  return Object.keys(glue)
    .filter((name) => name !== 'default' && name !== 'initSync' && !name.startsWith('__') && typeof glue[name] === 'function')
    .sort();
}
