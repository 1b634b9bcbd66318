// Every suite, in the order a run takes them and the tables list them (the order): loading
// first, while the process is fresh, then calls, memory, kernels, and compilation last.
import { allocSuite } from './alloc.ts';
import { arraysSuite } from './arrays.ts';
import { callSuite } from './call.ts';
import { compileSuite } from './compile.ts';
import { growthSuite } from './growth.ts';
import { loadSuite } from './load.ts';
import { mathSuite } from './math.ts';
import { serdeSuite } from './serde.ts';
import { stringsSuite } from './strings.ts';
import type { BenchSuite } from './types.ts';

export const suites: readonly BenchSuite[] = [loadSuite, callSuite, allocSuite, mathSuite, stringsSuite, serdeSuite, growthSuite, arraysSuite, compileSuite];

/** The suites named in `only` (all when it is empty); throws on a name that is not a suite. */
export function selectSuites(only: readonly string[]): BenchSuite[] {
  const unknown = only.filter((name) => !suites.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; the suites are ${suites.map((s) => s.name).join(', ')}`);
  return only.length ? suites.filter((s) => only.includes(s.name)) : [...suites];
}
