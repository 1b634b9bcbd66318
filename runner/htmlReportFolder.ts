// Where the config's HTML reporter writes, as it resolves it: against the config file's directory.
import { dirname, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';

export function htmlReportFolder(config: Pick<FullConfig, 'reporter' | 'configFile'>): string | null {
  const folder = (config.reporter.find(([name]) => name === 'html')?.[1] as { outputFolder?: string } | undefined)?.outputFolder;
  if (!folder) return null;
  return config.configFile ? resolve(dirname(config.configFile), folder) : folder;
}
