// `tsx --import ./build/wat/register.ts …`: registers watHooks.ts for the process.
import { register } from 'node:module';

register('./watHooks.ts', import.meta.url);
