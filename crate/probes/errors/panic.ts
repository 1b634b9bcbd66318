// errors.panic: a Rust panic reaches JS as a catchable error that says what went wrong, and the
// instance keeps working afterwards. The crate is built with panic = "abort", so the engine sees an
// `unreachable` trap (WebAssembly.RuntimeError); crate/js/panicMessages.ts rethrows it with the
// panic's message. If the page's crate is not wrapped, the probe reads takePanicMessage() itself.
import { demoProbe } from '../demoProbe.ts';
import { describeError } from '../../../harness/probes/runProbe.ts';

const MESSAGE = 'wasm-compat known panic';

export default demoProbe({
  title: 'Rust panic becomes a catchable error with its message',
  async run(crate) {
    let caught: unknown = null;
    try {
      crate.panicWithMessage(MESSAGE);
    } catch (error) {
      caught = error;
    }
    if (caught === null) return { status: 'fail', detail: 'panicWithMessage returned without throwing' };
    const errorName = caught instanceof Error ? caught.name : typeof caught;
    const isTrap = caught instanceof WebAssembly.RuntimeError;
    // Unwrapped crate: the trap's own message is "unreachable"-like; the panic's is kept in Rust.
    const message = isTrap ? (crate.takePanicMessage() ?? '') : caught instanceof Error ? caught.message : String(caught);
    const cause = caught instanceof Error && caught.cause !== undefined ? describeError(caught.cause) : null;
    const leftOver = crate.takePanicMessage() ?? null; // taken once: nothing may remain
    const answer = crate.sieveCount(100);
    const wrong: string[] = [];
    if (!message.includes(MESSAGE)) wrong.push(`message ${JSON.stringify(message)} lacks the panic text`);
    if (leftOver !== null) wrong.push(`takePanicMessage() still held ${JSON.stringify(leftOver)}`);
    if (answer !== 25) wrong.push(`after the panic sieveCount(100) = ${answer}`);
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail:
        wrong.length === 0
          ? `${errorName}${isTrap ? ' (trap, message read with takePanicMessage)' : ''}: "${message}"${cause ? `, cause ${cause}` : ''}; the crate still answers sieveCount(100) = 25`
          : `${errorName}: ${wrong.join('; ')}`,
      data: { errorName, message, viaWrapper: !isTrap, cause, trapMessage: isTrap ? describeError(caught) : cause, sieveCountAfter: answer },
    };
  },
});
