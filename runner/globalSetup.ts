// Before a run: the previous HTML report moves to the history, the harness is built once, and
// every target the run's projects use starts on a free port serving that build. The URLs reach
// the workers through targetUrls.ts; the returned teardown stops every server.
import { basename, dirname, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { archive } from '../reporting/history.ts';
import { startTargets } from '../serving/targets/startTargets.ts';
import { planTargets } from '../serving/targets/plan.ts';
import { publishTargetUrls } from './targetUrls.ts';

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const html = config.reporter.find(([name]) => name === 'html');
  const folder = (html?.[1] as { outputFolder?: string } | undefined)?.outputFolder;
  // The HTML reporter resolves its folder against the config file's directory; so does this.
  if (folder) archive(config.configFile ? resolve(dirname(config.configFile), folder) : folder, basename(folder));

  const plan = planTargets();
  const used = new Set(config.projects.map((p) => (p.use as { target?: { name: string } }).target?.name));
  const targets = [plan.primary, ...plan.matrix].filter((t) => used.has(t.name));
  const started = await startTargets(targets, (line) => console.log(`[targets] ${line}`));
  publishTargetUrls(started.urls);
  return () => started.stop();
}
