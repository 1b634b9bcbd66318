// The pages Lighthouse measures, relative to the server's base URL; `name` names their reports
// (reports/lighthouse/<name>-<form factor>.report.html). The harness index is the probes page: the
// page people open on their phones and the one every compat run loads.
export interface LighthousePage {
  name: string;
  path: string;
}

export const PAGES: readonly LighthousePage[] = [{ name: 'index', path: '' }];
