// One Lighthouse 13 run, in its own process under Node 22 (lighthouseEngine.ts chose it; Node runs
// this file by stripping its types, so it imports nothing that needs more). Lighthouse and
// chrome-launcher come from tools/lighthouse13/, never the project's 12.2.3; the config and the
// suite's audits are the same files as in process, built from Lighthouse 13's own classes.
// Writes the LHR and Lighthouse 13's HTML report where the request says; exit 0, or 1 with the
// error on stderr. A signal kills its Chromium first.
//   node lighthouse/lighthouseChild.ts '<ChildRequest as JSON>'
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FormFactor, type LighthouseConfigKit, lighthouseConfig } from './lighthouseConfig.ts';

export interface ChildRequest {
  url: string;
  formFactor: FormFactor;
  chromePath: string;
  chromeFlags: string[];
  /** tools/lighthouse13/ */
  lighthouseDir: string;
  jsonPath: string;
  htmlPath: string;
}

interface LaunchedChrome {
  port: number;
  kill(): void;
}
interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[]; logLevel: 'silent'; handleSIGINT: boolean }): Promise<LaunchedChrome>;
}
/** Lighthouse 13's module as this file uses it; its config parts are the shape lighthouseConfig takes. */
interface Lighthouse13 extends LighthouseConfigKit {
  default(url: string, flags: { port: number; logLevel: string; output: string[] }, config: unknown): Promise<{ report: string | string[] } | undefined>;
}

async function run(request: ChildRequest): Promise<void> {
  const from = (path: string) => pathToFileURL(join(request.lighthouseDir, 'node_modules', path)).href;
  const lighthouse = (await import(from('lighthouse/core/index.js'))) as Lighthouse13;
  const launcher = (await import(from('chrome-launcher/dist/index.js'))) as ChromeLauncher;
  const chrome = await launcher.launch({ chromePath: request.chromePath, chromeFlags: request.chromeFlags, logLevel: 'silent', handleSIGINT: false });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      chrome.kill();
      process.exit(code);
    });
  }
  try {
    const result = await lighthouse.default(request.url, { port: chrome.port, logLevel: 'error', output: ['json', 'html'] }, lighthouseConfig(request.formFactor, lighthouse));
    if (!result || !Array.isArray(result.report)) throw new Error(`Lighthouse returned no report for ${request.url} (${request.formFactor})`);
    writeFileSync(request.jsonPath, result.report[0]!);
    writeFileSync(request.htmlPath, result.report[1]!);
  } finally {
    chrome.kill();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(JSON.parse(process.argv[2] ?? 'null') as ChildRequest).then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
