// The site page: the subject as a site uses it, for Lighthouse to measure instead of the probes
// page's stress tests. Its wasm-bindgen module is imported through the same virtual module as the
// probes page (vite-plugin-wasm for the bundler target, the glue's init() for the web target),
// initialised, called once where the suite knows a safe call (siteCall.ts), and the outcome shown
// as text. body[data-state] ends as "done" or "failed".
import { loadGlue, subject } from 'virtual:wasm-compat/subject';
import { exportedNames, siteCall } from './siteCall.ts';

const subjectLine = document.getElementById('subject')!;
const resultLine = document.getElementById('result')!;
subjectLine.textContent = `${subject.name} ${subject.version} (wasm-pack target ${subject.target})`;

try {
  const started = performance.now();
  const glue = await loadGlue();
  const loaded = performance.now();
  const call = siteCall(subject);
  if (call) {
    const outcome = call.run(glue);
    resultLine.textContent = `Initialised in ${Math.round(loaded - started)} ms; ${call.label}: ${outcome}.`;
  } else {
    const names = exportedNames(glue);
    resultLine.textContent =
      `Initialised in ${Math.round(loaded - started)} ms; no export called: the suite knows no function of ${subject.name} that is safe to call ` +
      `(it exports ${names.length ? names.join(', ') : 'no functions'}).`;
  }
  document.body.dataset.state = 'done';
} catch (error) {
  resultLine.textContent = `The module did not load: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  document.body.dataset.state = 'failed';
}
