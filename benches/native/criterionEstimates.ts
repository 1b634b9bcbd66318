// Reads criterion's estimates: <criterion home>/<group>/<name>/new/estimates.json, in nanoseconds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Estimate {
  point_estimate: number;
  standard_error: number;
  confidence_interval: { confidence_level: number; lower_bound: number; upper_bound: number };
}

export interface CriterionEstimate {
  id: string;
  mean: Estimate;
  median: Estimate;
  stdDev: Estimate;
  modifiedMs: number;
}

export function readCriterionEstimates(home: string): CriterionEstimate[] {
  if (!existsSync(home)) return [];
  const out: CriterionEstimate[] = [];
  for (const group of readdirSync(home, { withFileTypes: true })) {
    if (!group.isDirectory() || group.name === 'report') continue;
    for (const bench of readdirSync(join(home, group.name), { withFileTypes: true })) {
      const file = join(home, group.name, bench.name, 'new', 'estimates.json');
      if (!bench.isDirectory() || !existsSync(file)) continue;
      const e = JSON.parse(readFileSync(file, 'utf8')) as { mean: Estimate; median: Estimate; std_dev: Estimate };
      out.push({ id: `${group.name}/${bench.name}`, mean: e.mean, median: e.median, stdDev: e.std_dev, modifiedMs: statSync(file).mtimeMs });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
