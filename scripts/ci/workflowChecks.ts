// Validates the GitHub workflows against the workflow schema (@action-validator/core, from npm)
// and checks that every npm script and repository file they call exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { missingReferences, type Reference, referencesIn } from './repoReferences.ts';

export interface WorkflowProblem {
  file: string;
  problem: string;
}

/** Every `run:` command and the emulator runner's `script:` in a workflow. */
export function commandsIn(workflow: unknown): string[] {
  const jobs = (workflow as { jobs?: Record<string, { steps?: unknown }> } | null)?.jobs ?? {};
  // Schema errors are reported by the validator; here a malformed job just has no commands.
  return Object.values(jobs).flatMap((job) =>
    (Array.isArray(job?.steps) ? (job.steps as Array<{ run?: unknown; with?: Record<string, unknown> }>) : []).flatMap((step) =>
      [step?.run, step?.with?.script].filter((x): x is string => typeof x === 'string'),
    ),
  );
}

export function checkWorkflow(file: string, source: string, root: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  for (const e of validateWorkflow(source).errors) {
    problems.push({ file, problem: `${e.title}${'path' in e && e.path ? ` at ${e.path}` : ''}${e.detail ? `: ${e.detail}` : ''}` });
  }
  let workflow: unknown;
  try {
    workflow = parse(source);
  } catch (error) {
    return [...problems, { file, problem: `not YAML: ${(error as Error).message}` }];
  }
  const refs: Reference[] = commandsIn(workflow).flatMap(referencesIn);
  for (const r of missingReferences(refs, root)) {
    problems.push({
      file,
      problem: r.kind === 'npm-script' ? `calls \`npm run ${r.name}\`, which package.json does not define` : `calls ${r.name}, which does not exist`,
    });
  }
  return problems;
}

export function checkWorkflows(root: string): { files: string[]; problems: WorkflowProblem[] } {
  const dir = join(root, '.github', 'workflows');
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return { files, problems: files.flatMap((f) => checkWorkflow(f, readFileSync(join(dir, f), 'utf8'), root)) };
}
