// Writes an A/B check: reports/bench/ab-<project>.json (ab-crate-<project>.json for the crate's own benchmarks), then ab.md over every ab-*.json in the
// folder (Node first, then the browser projects), each file whole (reporting/writeWhole.ts): a
// reader, or the pull request's comment, never gets a half-written report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { renderAbMarkdown } from './abTable.ts';
import type { AbRun } from './schema.ts';

export function readAbRuns(dir: string): AbRun[] {
  if (!existsSync(dir)) return [];
  const runs = readdirSync(dir)
    .filter((f) => /^ab-.+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AbRun)
    .filter((r) => r.kind === 'wasm-compat-bench-ab' && r.schema === 1);
  return runs.sort((x, y) => Number(y.project === 'node') - Number(x.project === 'node') || x.project.localeCompare(y.project));
}

export function writeAbReports(dir: string, run: AbRun): { json: string; markdown: string } {
  const json = join(dir, `ab-${run.benchmarks === 'crate' ? 'crate-' : ''}${run.project}.json`);
  writeJsonAtomic(json, run);
  const markdown = join(dir, 'ab.md');
  writeFileAtomic(markdown, `# Benchmarks: B against A in one run\n\n${readAbRuns(dir).map(renderAbMarkdown).join('\n')}`);
  return { json, markdown };
}
