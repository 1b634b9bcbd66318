// execution.brotliStream: the "brotli" format of CompressionStream / DecompressionStream, which
// engines added years after gzip, and not all of them (expectations.ts has who and the sources).
// WebKit is a special case: Safari has it, but WebKit implements it with Apple's Compression
// framework, so its other ports (WebKitGTK, WPE, Playwright's WebKit on Linux) reject the format.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { errorText, FIXTURE_TEXT, fromError, globalValue, SAMPLE_ADLER32, SAMPLE_LENGTH, timed, type WebApisExports } from '../_exports.ts';

// FIXTURE_TEXT as Node 20's zlib.brotliCompressSync compresses it.
const FIXTURE = [
  27, 121, 0, 248, 141, 212, 98, 173, 177, 55, 100, 155, 163, 110, 234, 134, 162, 45, 189, 241, 80, 112, 32, 11, 144, 86, 132, 146, 138, 48, 147, 56, 192, 163,
  83, 56, 91, 112, 52, 198, 158, 100, 69, 163, 143, 254, 167, 200, 147, 30, 8,
];

/** Does the engine take "brotli"? Only the constructors can say: the format is a string enum. */
function brotliAccepted(): { accepted: boolean; why: string } {
  type Ctor = new (format: string) => unknown;
  const compression = globalValue('CompressionStream') as Ctor | undefined;
  const decompression = globalValue('DecompressionStream') as Ctor | undefined;
  if (typeof compression !== 'function' || typeof decompression !== 'function')
    return { accepted: false, why: 'CompressionStream / DecompressionStream are not available in this engine' };
  try {
    new compression('brotli');
    new decompression('brotli');
    return { accepted: true, why: '' };
  } catch (error) {
    return { accepted: false, why: `the engine rejects the 'brotli' format: ${errorText(error)}` };
  }
}

export default crateProbe<WebApisExports>({
  title: "CompressionStream / DecompressionStream: 'brotli'",
  async run(crate) {
    const { accepted, why } = brotliAccepted();
    let input: Uint8Array;
    let compressed: Uint8Array;
    let back: Uint8Array;
    let fixture: string;
    const timings: Record<string, number> = {};
    try {
      input = crate.sampleText(SAMPLE_LENGTH);
      [compressed, timings.compress] = await timed(() => crate.compress('brotli', input));
      [back, timings.decompress] = await timed(() => crate.decompress('brotli', compressed));
      fixture = new TextDecoder().decode(await crate.decompress('brotli', new Uint8Array(FIXTURE)));
    } catch (error) {
      const outcome = fromError(error, 'brotli', accepted);
      return outcome.status === 'unsupported' ? { ...outcome, detail: why, data: { crateError: errorText(error) } } : outcome;
    }
    if (!accepted) return { status: 'fail', detail: `the constructors reject 'brotli' (${why}), yet the crate's round trip worked` };
    const wrong: string[] = [];
    if (compressed.length >= input.length) wrong.push(`${compressed.length} bytes from ${input.length}, not smaller`);
    if (back.length !== SAMPLE_LENGTH || crate.adler32(back) !== SAMPLE_ADLER32)
      wrong.push(`round trip gave ${back.length} bytes, Adler-32 ${crate.adler32(back).toString(16)}`);
    if (fixture !== FIXTURE_TEXT) wrong.push(`Node's brotli stream inflated to ${JSON.stringify(fixture.slice(0, 40))}`);
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail: wrong.length === 0 ? `64 KiB round-trips through brotli (${compressed.length} bytes) and Node's brotli stream inflates` : wrong.join('; '),
      timings,
      data: { inputBytes: input.length, compressedBytes: compressed.length, wrong },
    };
  },
});
