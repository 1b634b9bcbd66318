// npm run schema: <reports>/compat.schema.json, compat.json's JSON Schema, from the one zod schema
// (runner/compatSchema.ts). Every run writes it too; this writes it without a run.
import { relative } from 'node:path';
import { writeCompatJsonSchema } from '../runner/compatJsonSchema.ts';

const written = writeCompatJsonSchema();
console.log(relative(process.cwd(), written) || written);
