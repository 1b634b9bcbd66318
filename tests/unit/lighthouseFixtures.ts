// Loads the stored Lighthouse results of real runs (tests/fixtures/lighthouse/README.md).
import { readFileSync } from 'node:fs';
import type { Lhr } from '../../lighthouse/lhr.ts';

export const LIGHTHOUSE_FIXTURES = new URL('../fixtures/lighthouse/', import.meta.url);

export function lhrFixture(name: string): Lhr {
  return JSON.parse(readFileSync(new URL(`${name}.json`, LIGHTHOUSE_FIXTURES), 'utf8')) as Lhr;
}

/** The three mobile runs of one `npm run lighthouse`, in the order they ran. */
export const mobileRuns = (): Lhr[] => [1, 2, 3].map((i) => lhrFixture(`index-mobile-run${i}`));
