// What the suite tests: the subject crate (docs/your-crate.md). `WASM_COMPAT_CRATE=../my-crate`
// overrides `crate` for one run; the other fields then follow that crate's own folder. How a run
// goes (projects, rustModes, matrix, require, reportsDir, historyRuns) can be set here too, each
// overridden by its WASM_COMPAT_* variable (docs/settings.md).
import { defineConfig } from './settings/config.ts';

export default defineConfig({
  crate: 'crate',
  target: 'bundler',
  features: [],
  probes: 'crate/probes',
  requirementsBaseline: 'crate/wasm-requirements.json',
});
