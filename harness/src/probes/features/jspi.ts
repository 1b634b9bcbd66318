// Feature: JS Promise Integration (WebAssembly.Suspending, WebAssembly.promising). Proposal: JS Promise Integration (features.json "jspi").
// A JS API, so "validates" means the API is present; the known answer suspends wasm on a real promise.
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, str, wasmModule } from './_wasmBytes.ts';

interface JspiApi {
  Suspending: new (fn: () => Promise<number>) => WebAssembly.ImportValue; // a Suspending object, accepted as a function import
  promising: (fn: unknown) => () => Promise<number>;
}
const api = () => WebAssembly as unknown as Partial<JspiApi>;

// (module (import "env" "next" (func $next (result i32)))
//   (func (export "run") (result i32) (i32.add (call $next) (i32.const 1))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [VAL.i32])]),
  section(SECTION.import, [[...str('env'), ...str('next'), 0x00, 0]]),
  section(SECTION.function, [[0]]),
  section(SECTION.export, [exportOf('run', EXPORT.func, 1)]),
  section(SECTION.code, [body([], [0x10, 0x00, 0x41, 0x01, 0x6a])]), // call $next; i32.const 1; i32.add
);

export default featureProbe({
  id: 'feature.jspi',
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
