// The pages Lighthouse measures, relative to the server's base URL; `name` names their reports
// (reports/lighthouse/<name>-<form factor>.report.html) and `label` says in the summary what the
// page is. The site page comes first and is the default: it loads the subject as a site does, so
// its figures describe the subject. The probes page (the harness index) is measured too, labelled
// as what it is: its stress probes (allocations up to 64 MiB, memories up to 4 GiB, the .wasm
// fetched again on purpose, a generated 3.9 MB module trickled uncompressed for the streaming
// probe) are most of its blocking time and its bytes: figures of the suite, not the subject. So the
// site page's budgets gate and the probes page's are reported only.
export interface LighthousePage {
  name: string;
  path: string;
  label: string;
  /** Whether a missed error-level budget on this page fails the run (else it is reported only). */
  gates: boolean;
}

export const SITE_PAGE: LighthousePage = {
  name: 'site',
  path: 'site.html',
  label: 'the site page (the subject imported, initialised and called once, as a site does)',
  gates: true,
};
export const PROBES_PAGE: LighthousePage = {
  name: 'probes',
  path: '',
  label: "the probes page (the suite's own stress probes, not the subject)",
  gates: false,
};

export const PAGES: readonly LighthousePage[] = [SITE_PAGE, PROBES_PAGE];
