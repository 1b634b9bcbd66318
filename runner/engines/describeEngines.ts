// Prints which engine would run each browser project here (scripts/setup.sh calls it).
import { describeChoice, resolveEngine } from './engineResolution.ts';
import { engineNames } from './registry.ts';

for (const engine of engineNames()) console.log(`    ${describeChoice(resolveEngine(engine))}`);
