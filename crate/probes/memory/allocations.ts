// memory.allocations: Rust's allocator inside linear memory, watched from JS. Blocks from 1 KiB up to
// 64 MiB (×4 each step) are allocated and freed; the crate's counting allocator (bytesInUse) must
// rise by at least the block size and fall back to where it was after free(). Growing linear
// memory to hold the larger blocks is the engine's part; a refusal surfaces as a trap here.
import { demoProbe } from '../demoProbe.ts';
import { describeError } from '../../../harness/probes/runProbe.ts';

const KIB = 1024;
const LIMIT = 64 * KIB * KIB;

export default demoProbe({
  title: 'Allocations in Rust (1 KiB to 64 MiB) rise and fall',
  async run(crate) {
    const pagesBefore = crate.memoryPages();
    const steps: Array<{ size: number; rise: number; afterFree: number; length: number }> = [];
    const wrong: string[] = [];
    const start = performance.now();
    for (let size = KIB; size <= LIMIT; size *= 4) {
      const before = crate.bytesInUse();
      let block: InstanceType<typeof crate.Block>;
      try {
        block = new crate.Block(size);
      } catch (error) {
        wrong.push(`Block(${size}) threw ${describeError(error)}`);
        break;
      }
      const rise = crate.bytesInUse() - before;
      const length = block.length;
      block.free();
      const afterFree = crate.bytesInUse() - before;
      steps.push({ size, rise, afterFree, length });
      if (length !== size || rise < size || afterFree !== 0)
        wrong.push(`${size} B: length ${length}, in use +${rise}, after free ${afterFree >= 0 ? '+' : ''}${afterFree}`);
    }
    const ms = performance.now() - start;
    const pagesAfter = crate.memoryPages();
    const largest = steps.at(-1)?.size ?? 0;
    return {
      status: wrong.length === 0 && largest === LIMIT ? 'pass' : 'fail',
      detail:
        wrong.length === 0
          ? `${steps.length} blocks up to ${largest / KIB / KIB} MiB: bytesInUse rose by each size and returned after free(); memory ${pagesBefore} → ${pagesAfter} pages`
          : `wrong: ${wrong.join('; ')}`,
      timings: { allocations: ms },
      data: { steps, pagesBefore, pagesAfter },
    };
  },
});
