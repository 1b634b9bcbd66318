// Every reader of a compat.json parses it here, through its one schema (compatSchema.ts), never
// with a cast. The version is checked first, so a file from another wasm-compat is refused for
// what it is (its version, and the versions this one reads) rather than for the first field that
// moved; a file of a known version that does not fit is refused naming the field and its value.
import { existsSync, readFileSync } from 'node:fs';
import type { ZodIssue } from 'zod';
import { COMPAT_SCHEMA_VERSION, type CompatReport, compatReportSchema } from './compatSchema.ts';

/** The versions this code reads: only the one it writes, until a change of version keeps a reader for the older one. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [COMPAT_SCHEMA_VERSION];

/** A stored compat.json that is missing, not JSON, of another version, or not of the schema. */
export class RunFileError extends Error {}

export type CompatCheck = { report: CompatReport; problem: null } | { report: null; problem: string };

const readable = READABLE_SCHEMA_VERSIONS.join(', ');

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}

/** "projects.pixel5.engine.version is 3, expected string": the field, the value found, what fits. */
function describeIssue(value: unknown, issue: ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : 'the file';
  const found = valueAt(value, issue.path);
  if (found === undefined) return `${field} is missing (${issue.message.toLowerCase()})`;
  const shown = JSON.stringify(found)?.slice(0, 120);
  if (issue.code === 'invalid_type') return `${field} is ${shown}, expected ${issue.expected}`;
  if (issue.code === 'invalid_enum_value') return `${field} is ${shown}, expected one of ${issue.options.join(', ')}`;
  return `${field} is ${shown}: ${issue.message}`;
}

/** The report, or what is wrong with it (without the file's name: the caller says where it came from). */
export function checkCompatReport(value: unknown): CompatCheck {
  const version = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { schema?: unknown }).schema : undefined;
  if (version === undefined) return { report: null, problem: `not a wasm-compat compat.json: it has no schema version (this wasm-compat reads ${readable})` };
  if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version)) {
    const remedy = 'regenerate it with this version, or use the wasm-compat that wrote it';
    return { report: null, problem: `schema version ${JSON.stringify(version)} is not one this wasm-compat reads (${readable}); ${remedy}` };
  }
  const parsed = compatReportSchema.safeParse(value);
  if (parsed.success) return { report: parsed.data, problem: null };
  const [first, ...rest] = parsed.error.issues;
  const more = rest.length ? ` (and ${rest.length} more)` : '';
  return { report: null, problem: `not a compat.json of schema ${version}: ${describeIssue(value, first!)}${more}` };
}

/** The report in `value`, read from `file`; a RunFileError naming the file and the problem otherwise. */
export function parseCompatReport(value: unknown, file: string): CompatReport {
  const checked = checkCompatReport(value);
  if (checked.problem !== null) throw new RunFileError(`${file}: ${checked.problem}`);
  return checked.report;
}

/** A compat.json from disk, parsed through the schema. */
export function readCompatFile(file: string): CompatReport {
  if (!existsSync(file)) throw new RunFileError(`${file}: no such file (run npx playwright test first, or name a stored compat.json)`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RunFileError(`${file} is not JSON: ${(error as Error).message}`);
  }
  return parseCompatReport(value, file);
}
