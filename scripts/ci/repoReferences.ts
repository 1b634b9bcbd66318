// What a workflow or a Dockerfile calls in this repository: npm scripts (`npm run x`, `npm test`)
// and files (`bash scripts/x.sh`, `COPY deploy/nginx.conf`). CI must call only what exists, so
// that no logic lives only in YAML and no image builds from a script that was renamed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Reference {
  kind: 'npm-script' | 'file';
  name: string;
}

const NPM_RUN = /\bnpm\s+run(?:-script)?\s+([\w:.-]+)/g;
const NPM_SHORT = /\bnpm\s+(test|start)\b/g;
const REPO_FILE =
  /(?:^|[\s"'=])((?:scripts|build|deploy|harness|serving|runner|reporting|benches|lighthouse|tests|crate)\/[\w./-]+\.(?:sh|ts|conf|json|toml))/g;

export function referencesIn(text: string): Reference[] {
  const found = new Map<string, Reference>();
  const add = (kind: Reference['kind'], name: string) => found.set(`${kind}:${name}`, { kind, name });
  for (const m of text.matchAll(NPM_RUN)) add('npm-script', m[1]!);
  for (const m of text.matchAll(NPM_SHORT)) add('npm-script', m[1]!);
  for (const m of text.matchAll(REPO_FILE)) add('file', m[1]!);
  return [...found.values()];
}

/** The references that do not exist in the repository at `root`. */
export function missingReferences(refs: Reference[], root: string): Reference[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  return refs.filter((r) => (r.kind === 'npm-script' ? !(r.name in scripts) : !existsSync(join(root, r.name))));
}
