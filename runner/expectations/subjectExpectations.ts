// A subject's own expectations: the optional expectations.ts in its probes folder, default-exporting
// probe id -> Rule (probes.ts), for its probes where some engine should not pass (an API an engine
// lacks). Without one, each of its probes must pass everywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from './probes.ts';

export async function loadSubjectExpectations(probesDir: string | null): Promise<Record<string, Rule>> {
  const file = probesDir ? join(probesDir, 'expectations.ts') : null;
  if (!file || !existsSync(file)) return {};
  const rules = ((await import(pathToFileURL(file).href)) as { default?: Record<string, Rule> }).default;
  if (!rules || typeof rules !== 'object') throw new Error(`${file} must default-export an object of probe id -> (ctx) => { status, why }`);
  return rules;
}
