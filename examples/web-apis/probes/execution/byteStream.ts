// execution.byteStream: a readable byte stream ({ type: "bytes" }) whose source is a Rust closure
// filling each BYOB request, read through a ReadableStreamBYOBReader that hands one buffer back and
// forth (src/streams.rs). Two view sizes, so reads that span the pattern's period both ways are covered.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { fromError, globalValue, PATTERN_ADLER32, PATTERN_LENGTH, timed, type WebApisExports } from '../_exports.ts';

const VIEW_SIZES = [4096, 1000];

export default crateProbe<WebApisExports>({
  title: 'Readable byte stream read with a BYOB reader',
  async run(crate) {
    const present = typeof globalValue('ReadableByteStreamController') === 'function' && typeof globalValue('ReadableStreamBYOBReader') === 'function';
    const wrong: string[] = [];
    const reads: Record<string, number> = {};
    const timings: Record<string, number> = {};
    for (const view of VIEW_SIZES) {
      let bytes: number, count: number, checksum: number, largest: number;
      try {
        let report;
        [report, timings[`view ${view}`]] = await timed(() => crate.byteStreamChecksum(PATTERN_LENGTH, view));
        ({ bytes, reads: count, checksum, largestRead: largest } = report);
        report.free();
      } catch (error) {
        return fromError(error, `byteStreamChecksum(${PATTERN_LENGTH}, ${view})`, present);
      }
      reads[`view ${view}`] = count;
      if (bytes !== PATTERN_LENGTH) wrong.push(`view ${view}: ${bytes} bytes, expected ${PATTERN_LENGTH}`);
      if (checksum !== PATTERN_ADLER32) wrong.push(`view ${view}: Adler-32 ${checksum.toString(16)}, expected ${PATTERN_ADLER32.toString(16)}`);
      if (largest > view) wrong.push(`view ${view}: a read returned ${largest} bytes, more than the view holds`);
      if (count < Math.ceil(PATTERN_LENGTH / view)) wrong.push(`view ${view}: ${count} reads cannot carry ${PATTERN_LENGTH} bytes`);
    }
    if (!present) return { status: 'fail', detail: 'the byte stream classes are missing here, yet the crate read a byte stream' };
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail:
        wrong.length === 0
          ? `${PATTERN_LENGTH} bytes read intact through ${VIEW_SIZES.join(' and ')}-byte views (${Object.values(reads).join(' and ')} reads)`
          : wrong.join('; '),
      timings,
      data: { reads, wrong },
    };
  },
});
