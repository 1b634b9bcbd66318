// errors.linkError: instantiation checks the imports. A module importing env.missing (a function)
// given { env: {} } must fail with WebAssembly.LinkError, synchronously (new WebAssembly.Instance)
// and asynchronously (WebAssembly.instantiate). Given no `env` object at all the JS API spec
// (read the imports, step "If o is not an Object, throw a TypeError") requires a TypeError instead,
// not a LinkError; each case reports exactly the error type seen.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import IMPORTING from './linkError.wat';

function kind(error: unknown): string {
  if (error instanceof WebAssembly.LinkError) return 'LinkError';
  if (error instanceof TypeError) return 'TypeError';
  return error instanceof Error ? error.name : typeof error;
}

async function outcome(instantiate: () => unknown): Promise<{ error: string; message: string }> {
  try {
    await instantiate();
    return { error: 'none', message: 'instantiated' };
  } catch (error) {
    return { error: kind(error), message: describeError(error) };
  }
}

export default defineProbe({
  title: 'Missing imports give WebAssembly.LinkError',
  needsWebAssembly: true,
  inWorkers: true,
  async run() {
    const module = new WebAssembly.Module(IMPORTING);
    const cases = {
      syncMissingFunction: await outcome(() => new WebAssembly.Instance(module, { env: {} })),
      asyncMissingFunction: await outcome(() => WebAssembly.instantiate(module, { env: {} })),
      wrongKind: await outcome(() => WebAssembly.instantiate(module, { env: { missing: 42 } })),
      missingModuleObject: await outcome(() => WebAssembly.instantiate(module, {})),
    };
    const expected = { syncMissingFunction: 'LinkError', asyncMissingFunction: 'LinkError', wrongKind: 'LinkError', missingModuleObject: 'TypeError' };
    const wrong = (Object.keys(expected) as Array<keyof typeof expected>).filter((k) => cases[k].error !== expected[k]);
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail:
        wrong.length === 0
          ? `missing function: LinkError, sync and async (${cases.asyncMissingFunction.message}); non-function: LinkError; missing module object: TypeError`
          : `unexpected: ${wrong.map((k) => `${k} gave ${cases[k].error} (${cases[k].message}), expected ${expected[k]}`).join('; ')}`,
      data: cases,
    };
  },
});
