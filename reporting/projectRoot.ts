// The project's own folder (where package.json, reports/ and .cache/ are), found from this file
// rather than from the current directory, which is wherever the user typed the command.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
