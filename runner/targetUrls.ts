// Where each target of the run answers. Local targets start on free ports in the global setup,
// after the config was read, so their URLs travel to the workers (and the global teardown) through the
// environment, which Playwright hands from the global setup to every worker it starts.
const TARGET_URLS_ENV = 'WASM_COMPAT_TARGET_URLS';

export function publishTargetUrls(urls: Record<string, string>): void {
  process.env[TARGET_URLS_ENV] = JSON.stringify(urls);
}

function published(): Record<string, string> {
  try {
    return JSON.parse(process.env[TARGET_URLS_ENV] ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The page URL of a target, or null when the run did not start it. */
export function targetUrl(name: string): string | null {
  return published()[name] ?? null;
}
