// Feature: JS Promise Integration (WebAssembly.Suspending, WebAssembly.promising). Proposal: JS Promise Integration (features.json "jspi").
// A JS API, so "validates" means the API is present; the known answer suspends wasm on a real promise.
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './jspi.wat';

interface JspiApi {
  Suspending: new (
    fn: () => Promise<number>,
  ) => WebAssembly.ImportValue; // a Suspending object, accepted as a function import
  promising: (fn: unknown) => () => Promise<number>;
}
const api = () => WebAssembly as unknown as Partial<JspiApi>;

export default featureProbe({
  featuresJson: 'jspi',
  title: 'JS Promise Integration (JSPI)',
  proposal: 'JS Promise Integration',
  detect: async () => typeof api().Suspending === 'function' && typeof api().promising === 'function',
  detected: 'API present',
  absent: 'WebAssembly.Suspending / WebAssembly.promising absent',
  async knownAnswer() {
    const { Suspending, promising } = api() as JspiApi;
    const next = new Suspending(() => new Promise((resolve) => setTimeout(() => resolve(41), 0)));
    const { run } = await instantiate<{ run: unknown }>(wasm, { env: { next } });
    return { what: 'wasm suspended on a promise of 41, then added 1', got: await promising(run)(), expected: 42 };
  },
});
