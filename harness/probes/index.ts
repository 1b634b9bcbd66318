// Every probe the page runs, in a stable order (by category, then by id): the generic probes
// (genericProbes.ts) and the subject's own (its probes folder, through harness/subjectPlugin.ts).
// Adding a file adds a probe.
import subjectProbes from 'virtual:wasm-compat/subject-probes';
import { GENERIC_PROBES } from './genericProbes.ts';
import { byPageOrder, type Probe, probeFromPath } from './probe.ts';

export const probes: Probe[] = [...GENERIC_PROBES, ...subjectProbes.map(([path, definition]) => probeFromPath(path, definition))].sort(byPageOrder);
