// What CI should tell people after a run, from the history store: the verdicts that began failing
// in the latest suite run (with the engine version they began with), and the confident slowdowns of
// each latest A/B check (SLOWER beyond its horizon). alerts.md goes into the job summary and the
// pull request's comment; alerts.json holds one entry per newly failing verdict, with the title CI
// finds its tracking issue by, so a verdict that keeps failing updates its one issue.
import type { StoreContents } from './historyStore.ts';
import type { TrendsModel } from './trendsModel.ts';

export interface Alert {
  /** The tracking issue's title: stable while the same verdict fails in the same project. */
  title: string;
  body: string;
}

export interface Alerts {
  newlyFailing: Alert[];
  slowdowns: string[];
  markdown: string;
}

export function alerts(model: TrendsModel, contents: StoreContents): Alerts {
  const latest = model.suiteRuns.at(-1);
  const newlyFailing = latest
    ? model.failingNow
        .filter((f) => f.since.n === latest.n && latest.n > 1)
        .map((f) => ({
          title: `wasm-compat: ${f.item} fails in ${f.project}`,
          body:
            `\`${f.item}\` in **${f.project}** (${f.version ?? 'unknown version'}): ${f.text}, from run #${f.since.n} (${f.since.run.at}, commit ${f.since.run.commit ?? 'unknown'})` +
            (f.newItem
              ? '; it is new in that run.'
              : f.versionBefore
                ? `; the engine changed from ${f.versionBefore} to ${f.version} in that run.`
                : '; on the same engine version as the run before.'),
        }))
    : [];
  // Each A/B check's latest run (per what it compared and project): its SLOWER tasks.
  const latestAb = new Map<string, string>();
  for (const r of contents.runs.filter((r) => r.kind === 'bench-ab')) latestAb.set(r.runId.replace(/ \S+$/, ''), r.runId);
  const abRuns = new Set(latestAb.values());
  const slowdowns = contents.outcomes
    .filter((o) => abRuns.has(o.runId) && o.kind === 'fail')
    .map((o) => `\`${o.item}\` in **${o.project}**: ${o.text}`)
    .sort();
  const lines = ['# Since the previous run', ''];
  lines.push(`## Newly failing (${newlyFailing.length})`, '');
  lines.push(...(newlyFailing.length ? newlyFailing.map((a) => `- ${a.body}`) : ['Nothing began failing in this run.']), '');
  lines.push(`## Confident benchmark slowdowns (${slowdowns.length})`, '');
  lines.push(...(slowdowns.length ? slowdowns.map((s) => `- ${s}`) : ['No A/B check found a task slower beyond its horizon.']), '');
  lines.push('The trends page (trends.html, in the artifact) has every run.', '');
  return { newlyFailing, slowdowns, markdown: lines.join('\n') };
}
