// execution.compressionStream: gzip, deflate and deflate-raw through CompressionStream and
// DecompressionStream, driven from Rust (src/compression.rs). Every current engine has the three
// formats, so this must pass everywhere. Each format is checked three ways: the engine's output
// round-trips, its framing is the format's (gzip's magic and length trailer, zlib's header check
// and Adler-32 trailer), and the engine inflates bytes Node's zlib made, not only its own.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { errorText, FIXTURE_TEXT, globalValue, SAMPLE_ADLER32, SAMPLE_LENGTH, timed, type WebApisExports } from '../_exports.ts';

type Format = 'gzip' | 'deflate' | 'deflate-raw';

// FIXTURE_TEXT as Node 20's zlib compresses it (gzipSync, deflateSync, deflateRawSync).
const FIXTURES: Record<Format, number[]> = {
  gzip: [
    31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 43, 79, 44, 206, 213, 77, 206, 207, 45, 72, 44, 177, 82, 72, 73, 5, 177, 138, 82, 139, 139, 83, 83, 20, 146, 42, 21, 74,
    50, 82, 21, 82, 243, 210, 51, 243, 82, 173, 21, 202, 169, 172, 144, 11, 0, 169, 163, 221, 171, 122, 0, 0, 0,
  ],
  deflate: [
    120, 156, 43, 79, 44, 206, 213, 77, 206, 207, 45, 72, 44, 177, 82, 72, 73, 5, 177, 138, 82, 139, 139, 83, 83, 20, 146, 42, 21, 74, 50, 82, 21, 82, 243, 210,
    51, 243, 82, 173, 21, 202, 169, 172, 144, 11, 0, 226, 17, 44, 218,
  ],
  'deflate-raw': [
    43, 79, 44, 206, 213, 77, 206, 207, 45, 72, 44, 177, 82, 72, 73, 5, 177, 138, 82, 139, 139, 83, 83, 20, 146, 42, 21, 74, 50, 82, 21, 82, 243, 210, 51, 243,
    82, 173, 21, 202, 169, 172, 144, 11, 0,
  ],
};

const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number) => ((b[at + 3]! << 24) | (b[at + 2]! << 16) | (b[at + 1]! << 8) | b[at]!) >>> 0;

/** What is wrong with `out` as a stream of `format` holding `input`, or null. */
function framing(format: Format, out: Uint8Array, inputLength: number): string | null {
  if (out.length < 8) return `only ${out.length} bytes`;
  if (format === 'gzip') {
    if (out[0] !== 0x1f || out[1] !== 0x8b || out[2] !== 8) return `header ${Array.from(out.subarray(0, 3))} is not gzip's 31,139,8`;
    const isize = u32le(out, out.length - 4);
    return isize === inputLength >>> 0 ? null : `trailer length ${isize}, expected ${inputLength}`;
  }
  if (format === 'deflate') {
    if ((out[0]! & 0x0f) !== 8 || ((out[0]! << 8) | out[1]!) % 31 !== 0) return `header ${out[0]},${out[1]} is not a zlib header`;
    const trailer = u32be(out, out.length - 4);
    return trailer === SAMPLE_ADLER32 ? null : `Adler-32 trailer ${trailer.toString(16)}, expected ${SAMPLE_ADLER32.toString(16)}`;
  }
  return null; // deflate-raw has no framing to check
}

export default crateProbe<WebApisExports>({
  title: 'CompressionStream / DecompressionStream: gzip, deflate, deflate-raw',
  async run(crate) {
    if (typeof globalValue('CompressionStream') !== 'function' || typeof globalValue('DecompressionStream') !== 'function') {
      return { status: 'unsupported', detail: 'CompressionStream / DecompressionStream are not available in this engine' };
    }
    let input: Uint8Array;
    try {
      input = crate.sampleText(SAMPLE_LENGTH);
    } catch (error) {
      return { status: 'fail', detail: `sampleText threw ${errorText(error)}` };
    }
    const wrong: string[] = [];
    const sizes: Record<string, number> = {};
    const timings: Record<string, number> = {};
    let deflateLevel: number | null = null;
    for (const format of ['gzip', 'deflate', 'deflate-raw'] as const) {
      try {
        const [compressed, compressMs] = await timed(() => crate.compress(format, input));
        const [back, decompressMs] = await timed(() => crate.decompress(format, compressed));
        const fixture = new TextDecoder().decode(await crate.decompress(format, new Uint8Array(FIXTURES[format])));
        sizes[format] = compressed.length;
        timings[`${format} compress`] = compressMs;
        timings[`${format} decompress`] = decompressMs;
        // zlib's FLEVEL (0 fastest .. 3 smallest): engines pick different levels, so sizes differ.
        if (format === 'deflate') deflateLevel = compressed[1]! >> 6;
        const badFraming = framing(format, compressed, input.length);
        if (badFraming) wrong.push(`${format}: ${badFraming}`);
        if (compressed.length >= input.length) wrong.push(`${format}: ${compressed.length} bytes from ${input.length}, not smaller`);
        if (back.length !== SAMPLE_LENGTH || crate.adler32(back) !== SAMPLE_ADLER32)
          wrong.push(`${format}: round trip gave ${back.length} bytes, Adler-32 ${crate.adler32(back).toString(16)}`);
        if (fixture !== FIXTURE_TEXT) wrong.push(`${format}: Node's stream inflated to ${JSON.stringify(fixture.slice(0, 40))}`);
      } catch (error) {
        wrong.push(`${format}: ${errorText(error)}`);
      }
    }
    const sizesText = Object.entries(sizes)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail: wrong.length === 0 ? `64 KiB round-trips in all three formats, framing and Node's streams check out (${sizesText} bytes)` : wrong.join('; '),
      timings,
      data: { inputBytes: input.length, compressedBytes: sizes, deflateLevel, wrong },
    };
  },
});
