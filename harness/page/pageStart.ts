// Runs before the page's main module (its own <script>, first in index.html):
// - records what went wrong in the page, for every driver alike (classic WebDriver, Appium and
//   remote grids have no console or network events): uncaught errors, unhandled rejections,
//   console.error calls, resources that failed to load, and fetches that failed or answered
//   HTTP 400 or above. They reach the specs as HarnessReport.pageErrors;
// - `?webassembly=off` removes the WebAssembly global, as iOS Lockdown Mode does, for drivers that
//   cannot inject a script before load (Playwright specs delete it with an init script instead);
// - `?streaming=buffered` replaces WebAssembly.instantiateStreaming and compileStreaming by
//   read-then-compile (the whole body read into an ArrayBuffer, then compiled), as polyfills do: the
//   page on which loading.compileDuringDownload must find no overlap in every engine
//   (tests/specs/streamingShim.spec.ts). A URL switch, not an init script, so that classic
//   WebDriver (WebKitGTK) gets it too.
// The streaming probe's own HEAD look-up of its trickle (isTrickleLookup) is not a page error: a
// deployment without the trickle answers it 404, which the probe reports as "not measured".
import { describeError as describe } from '../probes/runProbe.ts';
import { isTrickleLookup } from '../streaming/streamingModule.ts';

const errors: string[] = [];
(window as { __wasmCompatPageErrors?: string[] }).__wasmCompatPageErrors = errors;

window.addEventListener('error', (e) => errors.push(`uncaught ${e.error instanceof Error ? describe(e.error) : e.message}`));
window.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${describe(e.reason)}`));
// A script, stylesheet or image that fails to load fires a non-bubbling error on its element.
window.addEventListener(
  'error',
  (e) => {
    const el = e.target;
    if (el instanceof Element) errors.push(`failed to load ${el.getAttribute('src') ?? el.getAttribute('href') ?? el.tagName.toLowerCase()}`);
  },
  true,
);

const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  errors.push(`console error: ${args.map(describe).join(' ')}`);
  consoleError(...args);
};

// The same promise goes back to the caller (instantiateStreaming takes it as it is); this only watches it.
const nativeFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const pending = nativeFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  pending.then(
    (response) => {
      if (response.status >= 400 && !isTrickleLookup(new URL(url, document.baseURI).href, method))
        errors.push(`HTTP ${response.status} for ${response.url || url}`);
    },
    (error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'AbortError')) errors.push(`request failed: ${url} (${describe(error)})`);
    },
  );
  return pending;
};

if (new URLSearchParams(location.search).get('webassembly') === 'off') {
  delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
}

if (new URLSearchParams(location.search).get('streaming') === 'buffered' && typeof WebAssembly === 'object') {
  const wasm = WebAssembly;
  const read = async (source: Response | PromiseLike<Response>) => (await source).arrayBuffer();
  wasm.instantiateStreaming = async (source, imports) => wasm.instantiate(await read(source), imports);
  wasm.compileStreaming = async (source) => wasm.compile(await read(source));
}
