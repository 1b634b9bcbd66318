// Feature: typed function references (call_ref, (ref null $t), br_on_null). Proposal: Typed Function References (features.json "typedFunctionReferences").
// Shipped together with GC in Chromium and Firefox, yet a proposal of its own: a module can use typed
// funcrefs without a single struct or array, which is what this one does.
import { typedFunctionReferences } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './typedFunctionReferences.wat';

export default featureProbe({
  featuresJson: 'typedFunctionReferences',
  title: 'Typed function references',
  proposal: 'Typed Function References',
  detect: typedFunctionReferences,
  absent: 'does not validate (call_ref on a typed function reference rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(withFunction: number): number }>(wasm);
    return { what: 'call_ref of 50 - 8 through a typed reference; br_on_null on a null one', got: [run(1), run(0)], expected: [42, -1] };
  },
});
