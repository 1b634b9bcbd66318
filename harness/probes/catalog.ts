// The probes as files, for Node (the specs' required lists, the README's table, the unit tests):
// the same path rule as the page's registry (index.ts), read from the file system.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { byPageOrder, PROBE_CATEGORIES, type Probe, type ProbeCategory, type ProbeDefinition, probeFromPath, probePlace } from './probe.ts';

export const PROBES_DIR = fileURLToPath(new URL('.', import.meta.url));
/** The demo crate's own probes: the default subject's, and the worked example of a crate's probes folder. */
export const DEMO_PROBES_DIR = fileURLToPath(new URL('../../crate/probes', import.meta.url));

export interface ProbeFile {
  id: string;
  category: ProbeCategory;
  /** Absolute path. */
  file: string;
}

/** The probe files under `dirs`: the generic probes (this folder) unless a subject's probes folder is added. */
export function probeFiles(dirs: string[] = [PROBES_DIR]): ProbeFile[] {
  return dirs
    .flatMap((dir) =>
      PROBE_CATEGORIES.flatMap((category) => {
        const folder = join(dir, category);
        // A folder holds only the categories it has probes of (git keeps no empty folder).
        if (!existsSync(folder)) return [];
        return readdirSync(folder)
          .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
          .map((f) => ({ ...probePlace(`${category}/${f}`), file: join(folder, f) }));
      }),
    )
    .sort(byPageOrder);
}

/** The ids of a category's probes: what the page must have run (the subject's own too, given its probes folder). */
export function probeIds(category: ProbeCategory, subjectProbesDir: string | null = null): string[] {
  return probeFiles(subjectProbesDir ? [PROBES_DIR, subjectProbesDir] : [PROBES_DIR])
    .filter((p) => p.category === category)
    .map((p) => p.id);
}

/** Every probe, imported (feature probes import .wat: run with build/wat/register.ts). */
export async function loadProbes(filter: (p: ProbeFile) => boolean = () => true, dirs: string[] = [PROBES_DIR]): Promise<Probe[]> {
  const files = probeFiles(dirs).filter(filter);
  return Promise.all(
    files.map(async (p) => {
      const definition = ((await import(pathToFileURL(p.file).href)) as { default: ProbeDefinition }).default;
      return probeFromPath(relative(dirname(dirname(p.file)), p.file), definition);
    }),
  );
}

/** What the README's table lists: the generic probes and the demo crate's own, as the default run has them. */
export const README_TABLE_NOTE =
  "in the order the page runs them on the demo crate: the generic ones (harness/probes/) and the demo's own (crate/probes/: execution.*, errors.panic, memory.allocations, memory.growCrate)";

export function readmeProbes(): Promise<Probe[]> {
  return loadProbes(undefined, [PROBES_DIR, DEMO_PROBES_DIR]);
}
