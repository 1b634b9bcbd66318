// Loads the stored Lighthouse results of real runs (tests/fixtures/lighthouse/README.md).
import { readFileSync } from 'node:fs';
import type { Lhr } from '../../lighthouse/lhr.ts';
import type { WasmNetworkRecord } from '../../lighthouse/wasmTransfer.ts';

export const LIGHTHOUSE_FIXTURES = new URL('../fixtures/lighthouse/', import.meta.url);

export function lhrFixture(name: string): Lhr {
  return JSON.parse(readFileSync(new URL(`${name}.json`, LIGHTHOUSE_FIXTURES), 'utf8')) as Lhr;
}

/** The three mobile runs of the probes page (the harness index) in one `npm run lighthouse` under Lighthouse 12.2.3, in the order they ran. */
export const mobileRuns = (): Lhr[] => [1, 2, 3].map((i) => lhrFixture(`index-mobile-run${i}`));

/** The three mobile runs of the site page in one `npm run lighthouse` under Lighthouse 13, with the suite's current audits. */
export const siteMobileRuns = (): Lhr[] => [1, 2, 3].map((i) => lhrFixture(`site-mobile-run${i}`));

/** A network record as the suite's audits read it: a 3,000-byte .wasm sent as 1,000 bytes, unless `over` says otherwise. */
export const networkRecord = (over: Partial<WasmNetworkRecord>): WasmNetworkRecord => ({
  url: 'http://x/assets/m-1.wasm',
  mimeType: 'application/wasm',
  statusCode: 200,
  transferSize: 1000,
  resourceSize: 3000,
  fromMemoryCache: false,
  fromDiskCache: false,
  responseHeaders: [],
  ...over,
});
