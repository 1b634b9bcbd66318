// Where each target of the run answers. Local targets start on free ports in the global setup,
// after the config was read, so their URLs travel to the workers (and the global teardown) in the
// run's record (handOff.ts), which Playwright hands from the global setup to every worker it starts.
import { handedOff, handOn } from './handOff.ts';

export function publishTargetUrls(urls: Record<string, string>): void {
  handOn({ targetUrls: urls });
}

/** The page URL of a target, or null when the run did not start it. */
export function targetUrl(name: string): string | null {
  return handedOff().targetUrls?.[name] ?? null;
}
