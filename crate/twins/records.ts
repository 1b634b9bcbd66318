// TypeScript twins of crate/src/records.rs: the same shape, validated as strictly as serde does
// (unknown or missing fields are errors), written back in the struct's field order.

export interface Location {
  lat: number;
  lon: number;
}

export interface Record {
  id: number;
  name: string;
  score: number;
  active: boolean;
  tags: string[];
  location: Location | null;
}

type Json = unknown;

function fields(value: Json, where: string, names: readonly string[], optional: readonly string[] = []): globalThis.Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const obj = value as globalThis.Record<string, Json>;
  for (const key of Object.keys(obj)) {
    if (!names.includes(key)) throw new Error(`${where}: unknown field \`${key}\`, expected one of ${names.join(', ')}`);
  }
  for (const name of names) {
    if (!(name in obj) && !optional.includes(name)) throw new Error(`${where}: missing field \`${name}\``);
  }
  return obj;
}

function num(value: Json, where: string): number {
  if (typeof value !== 'number') throw new Error(`${where}: expected a number, got ${typeof value}`);
  return value;
}

function toLocation(value: Json, where: string): Location | null {
  if (value === null || value === undefined) return null;
  const o = fields(value, where, ['lat', 'lon']);
  return { lat: num(o.lat, `${where}.lat`), lon: num(o.lon, `${where}.lon`) };
}

function toRecord(value: Json, where: string): Record {
  const o = fields(value, where, ['id', 'name', 'score', 'active', 'tags', 'location'], ['location']);
  const id = num(o.id, `${where}.id`);
  if (!Number.isInteger(id) || id < 0 || id > 0xffff_ffff) throw new Error(`${where}.id: expected u32, got ${id}`);
  if (typeof o.name !== 'string') throw new Error(`${where}.name: expected a string`);
  if (typeof o.active !== 'boolean') throw new Error(`${where}.active: expected a boolean`);
  if (!Array.isArray(o.tags) || !o.tags.every((t) => typeof t === 'string')) {
    throw new Error(`${where}.tags: expected an array of strings`);
  }
  return {
    id,
    name: o.name,
    score: num(o.score, `${where}.score`),
    active: o.active,
    tags: [...(o.tags as string[])],
    location: toLocation(o.location, `${where}.location`),
  };
}

function toRecords(value: Json): Record[] {
  if (!Array.isArray(value)) throw new Error('expected an array of records');
  return value.map((v, i) => toRecord(v, `record ${i}`));
}

export function jsonRoundtrip(json: string): string {
  let records: Record[];
  try {
    records = toRecords(JSON.parse(json));
  } catch (e) {
    throw new Error(`invalid records JSON: ${(e as Error).message}`);
  }
  return JSON.stringify(records);
}

export function serdeRoundtrip(value: unknown): Record[] {
  try {
    return toRecords(value);
  } catch (e) {
    throw new Error(`invalid records: ${(e as Error).message}`);
  }
}

export function sampleRecords(count: number): Record[] {
  const out: Record[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      id: i,
      name: `record-${i} ✓`,
      score: i * 1.25 + 0.5,
      active: i % 3 !== 0,
      tags: Array.from({ length: i % 4 }, (_, t) => `tag${t}`),
      location: i % 2 === 0 ? { lat: (i % 180) - 89.5, lon: (i % 360) - 179.5 } : null,
    });
  }
  return out;
}

export function sampleRecordsJson(count: number): string {
  return JSON.stringify(sampleRecords(count));
}
