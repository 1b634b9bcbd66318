// What the suite tests: the subject crate (docs/your-crate.md). `WASM_COMPAT_CRATE=../my-crate`
// overrides `crate` for one run; the other fields then follow that crate's own folder.
import { defineConfig } from './subject/config.ts';

export default defineConfig({
  crate: 'crate',
  target: 'bundler',
  features: [],
  probes: 'crate/probes',
  requirementsBaseline: 'crate/wasm-requirements.json',
});
