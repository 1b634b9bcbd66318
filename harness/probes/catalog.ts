// The probes as files, for Node (the specs' required lists, the README's table, the unit tests):
// the same path rule as the page's registry (index.ts), read from the file system.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { byPageOrder, PROBE_CATEGORIES, type Probe, type ProbeCategory, type ProbeDefinition, probeFromPath, probePlace } from './probe.ts';

export const PROBES_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface ProbeFile {
  id: string;
  category: ProbeCategory;
  /** Absolute path. */
  file: string;
}

export function probeFiles(): ProbeFile[] {
  return PROBE_CATEGORIES.flatMap((category) =>
    readdirSync(join(PROBES_DIR, category))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
      .map((f) => ({ ...probePlace(`${category}/${f}`), file: join(PROBES_DIR, category, f) })),
  ).sort(byPageOrder);
}

/** The ids of a category's probes: what the page must have run. */
export function probeIds(category: ProbeCategory): string[] {
  return probeFiles()
    .filter((p) => p.category === category)
    .map((p) => p.id);
}

/** Every probe, imported (feature probes import .wat: run with build/wat/register.ts). */
export async function loadProbes(filter: (p: ProbeFile) => boolean = () => true): Promise<Probe[]> {
  const files = probeFiles().filter(filter);
  return Promise.all(
    files.map(async (p) => {
      const definition = ((await import(pathToFileURL(p.file).href)) as { default: ProbeDefinition }).default;
      return probeFromPath(relative(PROBES_DIR, p.file), definition);
    }),
  );
}
