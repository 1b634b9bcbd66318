// Runs before the page's main module (its own <script>, first in index.html):
// - records every uncaught error and unhandled rejection, so drivers without console access
//   (classic WebDriver) still learn of them through HarnessReport.pageErrors;
// - `?webassembly=off` removes the WebAssembly global, as iOS Lockdown Mode does, for drivers that
//   cannot inject a script before load (Playwright specs delete it with an init script instead).
const errors: string[] = [];
(window as { __wasmCompatPageErrors?: string[] }).__wasmCompatPageErrors = errors;
window.addEventListener('error', (e) => errors.push(`uncaught ${e.error instanceof Error ? `${e.error.name}: ${e.error.message}` : e.message}`));
window.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${e.reason instanceof Error ? `${e.reason.name}: ${e.reason.message}` : String(e.reason)}`));

if (new URLSearchParams(location.search).get('webassembly') === 'off') {
  delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
}

export {};
