// Prints which engine would run each browser project here (scripts/setup.sh calls it).
import { describeChoice, resolveEngine } from './engineResolution.ts';

for (const engine of ['chromium', 'firefox', 'webkit'] as const) console.log(`    ${describeChoice(resolveEngine(engine))}`);
