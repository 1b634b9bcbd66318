// Feature: type reflection in the JS API (WebAssembly.Function, .type()). Proposal: Type Reflection for JS API (features.json "typeReflection").
// A JS API: "validates" means WebAssembly.Function exists; the known answer is that a JS function wrapped
// in it takes wasm's i32 coercion, which a plain JS function would not.
import { typeReflection } from 'wasm-feature-detect';
import { featureProbe } from '../featureProbe.ts';

type WasmFunctionConstructor = new (
  type: { parameters: string[]; results: string[] },
  fn: (...args: number[]) => number,
) => ((...args: number[]) => number) & { type?: () => unknown };

export default featureProbe({
  featuresJson: 'typeReflection',
  title: 'Type reflection (JS API)',
  proposal: 'Type Reflection for JS API',
  detect: typeReflection,
  detected: 'API present',
  absent: 'WebAssembly.Function absent',
  async knownAnswer() {
    const WasmFunction = (WebAssembly as unknown as { Function: WasmFunctionConstructor }).Function;
    const add = new WasmFunction({ parameters: ['i32', 'i32'], results: ['i32'] }, (a, b) => a + b);
    const type = typeof add.type === 'function' ? JSON.stringify(add.type()) : null;
    return { what: 'WebAssembly.Function (i32, i32) -> i32 add(40.9, 1.9)', got: add(40.9, 1.9), expected: 41, data: { type } };
  },
});
