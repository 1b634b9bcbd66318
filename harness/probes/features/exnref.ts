// Feature: exception handling with exnref (try_table, throw_ref). Proposal: Exception Handling with exnref (features.json "exceptionsFinal").
import { exceptionsFinal } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './exnref.wat';

export default featureProbe({
  featuresJson: 'exceptionsFinal',
  title: 'Exception handling (exnref)',
  proposal: 'Exception Handling with exnref',
  detect: exceptionsFinal,
  absent: 'does not validate (try_table / exnref rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(n: number): number }>(wasm);
    return { what: 'throw 41, catch_all_ref, throw_ref, catch, add 1', got: run(41), expected: 42 };
  },
});
