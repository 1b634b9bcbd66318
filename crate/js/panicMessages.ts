// Turns the crate's panics into JS errors that carry the panic message.
//
// The crate is built with panic = "abort": a panic records its message (crate/src/panic.rs) and
// then traps, so JS first sees WebAssembly.RuntimeError("unreachable"). Wrapping the module's
// functions here rethrows that trap as a WasmPanicError whose message is the panic's, with the
// trap as its `cause`. Traps that are not panics (no message recorded) pass through unchanged.

export class WasmPanicError extends Error {
  override name = 'WasmPanicError';
}

interface PanicSource {
  takePanicMessage(): string | undefined;
}

export function withPanicMessages<T extends PanicSource>(crate: T, stackPointer?: WebAssembly.Global): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(crate, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'takePanicMessage' || /^[A-Z]/.test(String(key))) return value;
      if (!wrapped.has(key)) {
        wrapped.set(key, (...args: unknown[]) => {
          const stackBefore = stackPointer?.value as number | undefined;
          try {
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          } catch (error) {
            if (error instanceof WebAssembly.RuntimeError) {
              if (stackPointer && stackBefore !== undefined) stackPointer.value = stackBefore;
              const message = target.takePanicMessage();
              if (message !== undefined) throw new WasmPanicError(message, { cause: error });
            }
            throw error;
          }
        });
      }
      return wrapped.get(key);
    },
  });
}
