// `npm run lint:workflows`: schema-validates .github/workflows/*.yml and checks what they call exists.
import { checkWorkflows } from './ci/workflowChecks.ts';

const { files, problems } = checkWorkflows(process.cwd());
for (const p of problems) console.error(`${p.file}: ${p.problem}`);
console.log(`lint-workflows: ${files.length} workflows, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
