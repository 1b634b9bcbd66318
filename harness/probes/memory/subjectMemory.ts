// memory.subjectMemory: the subject's own linear memory, in a fresh instance linked with its glue's
// imports. Its size at instantiation must be what the file declares, it must grow (memory.grow from
// JS) and detach the old buffer, and it must reach its declared maximum (or 256 MiB when it declares
// none) and refuse to go past a declared maximum with a RangeError. What the file declares is read
// in Node (subject/moduleFeatures.ts) and handed to the page (harness/subjectPlugin.ts).
import { defineProbe, subjectWasmUrl } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { glueMismatch, subjectImportsFor } from '../loading/_subjectImports.ts';

const PAGE = 65_536;
/** How far growth is taken when the module declares no maximum: 256 MiB, far beyond any start-up size and cheap for every engine here. */
const GROW_TO_PAGES = 4096;

export default defineProbe({
  title: "The subject's linear memory: declared size, growth, maximum",
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const declared = context.subject.memory;
    if (!declared) return { status: 'pass', detail: 'the module declares no memory: nothing to grow', data: { declared } };
    const wasmUrl = subjectWasmUrl(context);
    const imports = await subjectImportsFor(wasmUrl, context);
    const mismatch = glueMismatch(imports);
    if (mismatch) return { status: 'fail', detail: mismatch };
    // From bytes: the Content-Type is loading's concern, not memory's.
    const { instance } = await WebAssembly.instantiate(await (await fetch(wasmUrl)).arrayBuffer(), imports.imports);
    const memory = declared.imported
      ? Object.values(imports.imports)
          .flatMap((m) => Object.values(m))
          .find((v): v is WebAssembly.Memory => v instanceof WebAssembly.Memory)
      : Object.values(instance.exports).find((v): v is WebAssembly.Memory => v instanceof WebAssembly.Memory);
    if (!memory)
      return {
        status: 'fail',
        detail: `the module declares a${declared.imported ? 'n imported' : 'n exported'} memory, but the instance exposes none to JS`,
        data: { declared },
      };

    const wrong: string[] = [];
    const initialPages = memory.buffer.byteLength / PAGE;
    if (initialPages !== declared.initialPages) wrong.push(`starts at ${initialPages} pages, the file declares ${declared.initialPages}`);
    const before = memory.buffer;
    const answered = memory.grow(1);
    if (answered !== initialPages) wrong.push(`grow(1) answered ${answered}, expected ${initialPages}`);
    if (!declared.shared && before.byteLength !== 0) wrong.push('the old buffer was not detached by growth');
    const target = declared.maximumPages ?? GROW_TO_PAGES;
    const start = performance.now();
    try {
      memory.grow(Math.max(0, Math.min(target, GROW_TO_PAGES) - memory.buffer.byteLength / PAGE));
    } catch (error) {
      wrong.push(`growing to ${Math.min(target, GROW_TO_PAGES)} pages threw ${describeError(error)}`);
    }
    const growMs = performance.now() - start;
    const reached = memory.buffer.byteLength / PAGE;
    let pastMaximum = 'not tried (no declared maximum)';
    if (declared.maximumPages !== null && reached === declared.maximumPages) {
      try {
        memory.grow(1);
        wrong.push(`grew past its declared maximum of ${declared.maximumPages} pages`);
        pastMaximum = 'allowed';
      } catch (error) {
        pastMaximum = error instanceof RangeError ? 'RangeError' : `threw ${describeError(error)}`;
        if (!(error instanceof RangeError)) wrong.push(`growth past the maximum threw ${describeError(error)}, not RangeError`);
      }
    }
    const max = declared.maximumPages === null ? 'no maximum' : `maximum ${declared.maximumPages} pages`;
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail:
        wrong.length === 0
          ? `${declared.imported ? 'imported' : 'exported'} memory: ${initialPages} pages as declared (${max}); grew to ${reached} pages (${(reached * PAGE) / 2 ** 20} MiB) in ${growMs.toFixed(1)} ms${declared.maximumPages !== null && reached === declared.maximumPages ? `; past the maximum: ${pastMaximum}` : ''}`
          : wrong.join('; '),
      timings: { grow: growMs },
      data: { declared, initialPages, reachedPages: reached, pastMaximum },
    };
  },
});
