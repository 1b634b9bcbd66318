// Every probe the page runs, in a stable order (by category, then by id): the generic probes, one
// file each under this folder, and the subject's own (its probes folder, through
// harness/subjectPlugin.ts). Adding a file adds a probe (files named _*.ts are helpers).
import subjectProbes from 'virtual:wasm-compat/subject-probes';
import { byPageOrder, type Probe, type ProbeDefinition, probeFromPath } from './probe.ts';

const modules = import.meta.glob<{ default: ProbeDefinition }>(['./*/*.ts', '!./*/_*.ts'], { eager: true });

export const probes: Probe[] = [
  ...Object.entries(modules).map(([path, m]) => probeFromPath(path, m.default)),
  ...subjectProbes.map(([path, definition]) => probeFromPath(path, definition)),
].sort(byPageOrder);
