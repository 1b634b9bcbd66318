// Which probes one load of the page runs: every probe, or the probes of some categories, less some
// probes by id. It travels in the page's URL (?probes=serving,loading&skip=loading.compileDuringDownload)
// so that every driver, WebDriver and Appium included, can ask for it, and the page publishes it in
// its report so that the specs require exactly the probes it was asked to run.
import { PROBE_CATEGORIES, type ProbeCategory, type ProbeSelection } from './probe.ts';

export type { ProbeSelection };

export const EVERY_PROBE: ProbeSelection = { categories: null, skip: [] };

const PROBE_ID = /^[a-z]+\.[A-Za-z0-9]+$/;

/** The categories of a comma-separated list, each checked; `name` says where the list came from in the error. */
export function parseCategories(list: string, name: string): ProbeCategory[] {
  const asked = list
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = asked.filter((c) => !(PROBE_CATEGORIES as readonly string[]).includes(c));
  if (unknown.length > 0 || asked.length === 0)
    throw new Error(
      `${name}=${JSON.stringify(list)}: ${unknown.length ? `unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}` : 'no category named'} (the categories: ${PROBE_CATEGORIES.join(', ')})`,
    );
  return asked as ProbeCategory[];
}

/** The probe ids of a URL parameter (`skip`, `hold`), each checked. */
function idsFromUrl(params: URLSearchParams, name: 'skip' | 'hold'): string[] {
  const ids = (params.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const badIds = ids.filter((id) => !PROBE_ID.test(id));
  if (badIds.length) throw new Error(`${name}=${JSON.stringify(params.get(name))}: not probe ids (<category>.<name>): ${badIds.join(', ')}`);
  return ids;
}

/** The selection a page URL asks for: `probes` (categories) and `skip` (probe ids). */
export function selectionFromUrl(search: string): ProbeSelection {
  const params = new URLSearchParams(search);
  const categories = params.get('probes');
  return { categories: categories === null ? null : parseCategories(categories, 'probes'), skip: idsFromUrl(params, 'skip') };
}

/**
 * The probes a page URL holds back (`hold`, ids): the page runs them last, once its driver releases
 * them (runner/timingLock.ts: the timing probes run while no other browser works this machine).
 */
export function heldFromUrl(search: string): string[] {
  return idsFromUrl(new URLSearchParams(search), 'hold');
}

/** The page URL that asks for `selection` (unchanged when it selects every probe), holding back `held` until its driver releases them. */
export function urlWithSelection(url: string, selection: ProbeSelection, held: readonly string[] = []): string {
  const u = new URL(url);
  if (selection.categories) u.searchParams.set('probes', selection.categories.join(','));
  if (selection.skip.length) u.searchParams.set('skip', selection.skip.join(','));
  if (held.length) u.searchParams.set('hold', held.join(','));
  return u.href;
}

export function isSelected(selection: ProbeSelection, probe: { id: string; category: ProbeCategory }): boolean {
  return (selection.categories === null || selection.categories.includes(probe.category)) && !selection.skip.includes(probe.id);
}

/** Both selections at once: what a project asks for, narrowed by what the run asks for. */
export function narrowSelection(a: ProbeSelection, b: ProbeSelection): ProbeSelection {
  const categories = a.categories === null ? b.categories : b.categories === null ? a.categories : a.categories.filter((c) => b.categories!.includes(c));
  return { categories, skip: [...new Set([...a.skip, ...b.skip])] };
}

/** One line for reports and test titles. */
export function describeSelection(selection: ProbeSelection): string {
  const what = selection.categories === null ? 'every probe' : `the ${selection.categories.join(', ')} probes`;
  return selection.skip.length ? `${what} but ${selection.skip.join(', ')}` : what;
}
