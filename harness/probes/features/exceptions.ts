// Feature: legacy exception handling (try/catch/throw with a tag). Proposal: Legacy Exception Handling (features.json "exceptions").
// The pre-exnref encoding that toolchains emitted for years (Emscripten -fwasm-exceptions before exnref).
import { exceptions } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './exceptions.wat';

export default featureProbe({
  featuresJson: 'exceptions',
  title: 'Exception handling (legacy try/catch)',
  proposal: 'Legacy Exception Handling',
  detect: exceptions,
  absent: 'does not validate (legacy try/catch rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(n: number): number }>(wasm);
    return { what: 'throw 41, catch it, add 1', got: run(41), expected: 42 };
  },
});
