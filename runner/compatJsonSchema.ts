// compat.json's schema as JSON Schema (draft-07), generated from the zod schema (compatSchema.ts),
// for tools that read the file without this code. Written beside compat.json by every run's global
// teardown, and by `npm run schema`; never edited by hand, so it cannot disagree with the readers.
import { zodToJsonSchema } from 'zod-to-json-schema';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import { COMPAT_SCHEMA_VERSION, compatReportSchema } from './compatSchema.ts';

export const COMPAT_SCHEMA_FILE = 'compat.schema.json';

export function compatJsonSchema(): object {
  const schema = zodToJsonSchema(compatReportSchema, {
    // A field the schema does not name is allowed, as the readers allow it (compatSchema.ts says why).
    removeAdditionalStrategy: 'strict',
    // Inline, not $ref: a tool (or a person) reads each field where it is, and nothing here recurses.
    $refStrategy: 'none',
  });
  return { ...schema, title: `wasm-compat compat.json, schema version ${COMPAT_SCHEMA_VERSION}` };
}

/** Writes the schema into the reports folder (or `path`); returns where. */
export function writeCompatJsonSchema(path = reportPath(COMPAT_SCHEMA_FILE)): string {
  writeJsonAtomic(path, compatJsonSchema());
  return path;
}
