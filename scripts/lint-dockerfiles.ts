// `npm run lint:docker`: no Docker engine runs on this project's machines, so the Dockerfiles are
// checked statically: dockerfile-utils' validator (syntax, instructions), and rules of our own —
// the final stage runs as a non-root user, the frontend has a health check, and every script,
// npm script and repository file a Dockerfile calls exists (they stay in step with scripts/).
import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';
import { missingReferences, referencesIn } from './ci/repoReferences.ts';

export function lintDockerfile(name: string, text: string, root = process.cwd()): string[] {
  const problems = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const stages = text.split(/^FROM\s/m);
  const finalStage = stages[stages.length - 1] ?? '';
  const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
  const lastUser = users[users.length - 1];
  if (!lastUser || lastUser === 'root' || lastUser === '0') problems.push('the final stage must switch to a non-root USER');
  if (/frontend/i.test(name) && !/^HEALTHCHECK\s/m.test(text)) problems.push('the frontend image needs a HEALTHCHECK');
  const runLines = text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
  for (const r of missingReferences(referencesIn(runLines), root)) {
    problems.push(r.kind === 'npm-script' ? `calls \`npm run ${r.name}\`, which package.json does not define` : `uses ${r.name}, which does not exist`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    const problems = lintDockerfile(file, readFileSync(file, 'utf8'));
    for (const p of problems) console.error(`${file}: ${p}`);
    failed += problems.length;
  }
  console.log(`lint-docker: ${process.argv.length - 2} Dockerfiles, ${failed} problems`);
  process.exit(failed ? 1 : 0);
}
