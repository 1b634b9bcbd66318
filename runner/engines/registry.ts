// The engine registry: every engine and device the suite knows, read from the descriptors in
// registry/ (one file each, default-exporting defineEngine(...) or defineDevice(...)), so adding
// one is adding its file. Everything that lists engines or projects asks here. A test may add a
// descriptor for the length of the test (addDescriptor), the way a new file would.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Descriptor, DeviceDescriptor, EngineDescriptor, EngineFamily } from './registry/descriptor.ts';

const folder = fileURLToPath(new URL('./registry/', import.meta.url));
const found: Descriptor[] = await Promise.all(
  readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && file !== 'descriptor.ts')
    .sort()
    .map(async (file) => {
      const module = (await import(pathToFileURL(join(folder, file)).href)) as { default?: Descriptor };
      if (module.default?.kind !== 'engine' && module.default?.kind !== 'device') {
        throw new Error(`runner/engines/registry/${file} must default-export defineEngine(...) or defineDevice(...)`);
      }
      return module.default;
    }),
);
const added: Descriptor[] = [];

function all(): Descriptor[] {
  return [...found, ...added];
}

export function engineDescriptors(): EngineDescriptor[] {
  return all().filter((d): d is EngineDescriptor => d.kind === 'engine');
}

export function deviceDescriptors(): DeviceDescriptor[] {
  return all().filter((d): d is DeviceDescriptor => d.kind === 'device');
}

/** The descriptor of an engine by name, or null for one this suite does not know (a run stored by another version). */
export function findEngine(name: string): EngineDescriptor | null {
  return engineDescriptors().find((e) => e.name === name) ?? null;
}

/** The descriptor of an engine a project or setting names: an unknown name is an error naming the known ones. */
export function engineDescriptor(name: string): EngineDescriptor {
  const engine = findEngine(name);
  if (!engine) throw new Error(`no engine named ${JSON.stringify(name)} in runner/engines/registry/ (known: ${engineNames().join(', ')})`);
  return engine;
}

export function engineNames(): string[] {
  return engineDescriptors().map((e) => e.name);
}

/** The family an engine record belongs to: its expectations' key; an engine not in the registry is its own family. */
export function familyKey(engine: { engine: string; kind: string }): string {
  const descriptor = findEngine(engine.engine);
  return descriptor?.familyOf?.(engine.kind) ?? descriptor?.families[0].key ?? engine.engine;
}

/** A family by key, for naming; an unknown key is named as itself, with no home page. */
export function engineFamily(key: string): EngineFamily {
  for (const engine of engineDescriptors()) {
    const family = engine.families.find((f) => f.key === key);
    if (family) return family;
  }
  return { key, name: key, url: '' };
}

/** Adds a descriptor as if its file were in registry/; returns how to take it out again. For tests. */
export function addDescriptor(descriptor: Descriptor): () => void {
  const taken = all().find((d) => d.name === descriptor.name);
  if (taken) throw new Error(`an ${taken.kind} named ${descriptor.name} is already in the registry`);
  added.push(descriptor);
  return () => {
    added.splice(added.indexOf(descriptor), 1);
  };
}
