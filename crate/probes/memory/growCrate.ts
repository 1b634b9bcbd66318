// memory.growCrate: `memory.grow` from inside the crate. growMemory(n) must answer the page count
// before, memoryPages() must then be n higher, and the glue must notice that growth replaced the
// ArrayBuffer (its cached views are detached) so strings still cross correctly afterwards.
import { demoProbe } from '../demoProbe.ts';

const DELTA = 4;
const TEXT = 'after grow: ✓ 🦀';

export default demoProbe({
  title: 'Crate grows its own memory (memory.grow)',
  async run(crate) {
    crate.stringRoundtrip('warm the glue views'); // so there is a cached view for growth to detach
    const before = crate.memoryPages();
    const previous = crate.growMemory(DELTA);
    const after = crate.memoryPages();
    const text = crate.stringRoundtrip(TEXT);
    const wrong: string[] = [];
    if (previous !== before) wrong.push(`growMemory(${DELTA}) answered ${previous}, expected ${before}`);
    if (after !== before + DELTA) wrong.push(`memoryPages() went ${before} → ${after}, expected ${before + DELTA}`);
    if (text !== TEXT) wrong.push(`stringRoundtrip after growth gave ${JSON.stringify(text)}`);
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail: wrong.length === 0 ? `growMemory(${DELTA}) answered ${previous}; pages ${before} → ${after}; strings still cross` : wrong.join('; '),
      data: { delta: DELTA, before, previous, after, textAfterGrowth: text },
    };
  },
});
