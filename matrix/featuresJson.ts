// reports/features.json: the run in the shape of webassembly.org's features.json
// (WebAssembly/website, validated against its features.schema.json). One browser entry per engine
// and version that ran, e.g. "Chromium 156.0.8078.108", with each feature probe's answer: true,
// false, or "flag" where it was off and the engine documents a flag for it (runner/expectations/
// features.ts). Projects on the same engine and version that disagree get a note naming them.
import type { CompatReport } from '../runner/compatReport.ts';
import { engineKey, type EngineKey } from '../runner/expectations/engineKey.ts';
import { FEATURE_EXPECTATIONS } from '../runner/expectations/features.ts';
import { engineFamily } from '../runner/engines/registry.ts';
import { engineLabel } from './engineNames.ts';
import { FEATURE_INFO, type FeatureInfo } from './featureInfo.ts';

type Status = boolean | 'flag' | [boolean | 'flag', string];

export interface FeaturesJson {
  $schema: string;
  features: Record<string, FeatureInfo>;
  browsers: Record<string, { url: string; category: 'Web Browsers'; features: Record<string, Status> }>;
}

export const FEATURES_SCHEMA_URL = 'https://github.com/WebAssembly/website/raw/main/features.schema.json';

export function featuresJson(report: CompatReport): FeaturesJson {
  // browser name -> feature key -> project -> { supported, probe id }
  const seen = new Map<string, { key: EngineKey; features: Map<string, Map<string, { ok: boolean; probe: string }>> }>();
  const features: Record<string, FeatureInfo> = {};
  for (const [project, p] of Object.entries(report.projects)) {
    if (p.status !== 'ran' || !p.engine) continue;
    const key = engineKey(p.engine);
    const browser = engineLabel(p.engine);
    for (const v of p.probes) {
      // webassembly.org's table is of the page's main thread; the worker contexts are the matrix's.
      if (!v.featuresJson || v.context) continue;
      const entry = seen.get(browser) ?? { key, features: new Map() };
      seen.set(browser, entry);
      const byProject = entry.features.get(v.featuresJson) ?? new Map();
      entry.features.set(v.featuresJson, byProject);
      byProject.set(project, { ok: v.actual === 'pass', probe: v.id });
      const info = FEATURE_INFO[v.featuresJson];
      if (info) features[v.featuresJson] = info;
    }
  }
  const browsers: FeaturesJson['browsers'] = {};
  for (const [browser, { key, features: byFeature }] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    const out: Record<string, Status> = {};
    for (const [feature, byProject] of [...byFeature].sort(([a], [b]) => a.localeCompare(b))) {
      const answers = [...byProject.values()];
      const probe = answers[0]!.probe;
      const flag = FEATURE_EXPECTATIONS[probe]?.flag?.[key];
      const status: boolean | 'flag' = answers.every((a) => a.ok) ? true : flag ? 'flag' : false;
      const split = answers.some((a) => a.ok) && answers.some((a) => !a.ok);
      if (split) {
        const yes = [...byProject].filter(([, a]) => a.ok).map(([p]) => p);
        const no = [...byProject].filter(([, a]) => !a.ok).map(([p]) => p);
        out[feature] = [status, `supported in ${yes.join(', ')}; not in ${no.join(', ')}`];
      } else if (status === 'flag') out[feature] = ['flag', `off by default in ${browser}; behind ${flag}`];
      else out[feature] = status;
    }
    browsers[browser] = { url: engineFamily(key).url, category: 'Web Browsers', features: out };
  }
  return { $schema: FEATURES_SCHEMA_URL, features, browsers };
}
