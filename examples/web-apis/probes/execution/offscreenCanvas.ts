// execution.offscreenCanvas: 2D drawing on an OffscreenCanvas from Rust, pixels read back exactly,
// and the picture encoded as PNG (the one format every engine must encode).
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { fromError, globalValue, timed, type WebApisExports } from '../_exports.ts';

// Top-left red, bottom-right blue, RGBA (src/canvas.rs draws them).
const PIXELS = [255, 0, 0, 255, 0, 0, 255, 255];

export default crateProbe<WebApisExports>({
  title: 'OffscreenCanvas: 2D pixels and PNG encoding',
  async run(crate) {
    const present = typeof globalValue('OffscreenCanvas') === 'function';
    let pixels: number[];
    let png: { mimeType: string; format: string; size: number };
    let encodeMs: number;
    try {
      pixels = Array.from(crate.offscreenCanvasPixels(8, 8));
      let encoded;
      [encoded, encodeMs] = await timed(() => crate.offscreenCanvasEncode('image/png'));
      png = { mimeType: encoded.mimeType, format: encoded.format, size: encoded.size };
      encoded.free();
    } catch (error) {
      return fromError(error, 'offscreenCanvas', present);
    }
    if (!present) return { status: 'fail', detail: 'OffscreenCanvas is missing here, yet the crate drew on one' };
    const wrong: string[] = [];
    if (pixels.join() !== PIXELS.join()) wrong.push(`pixels [${pixels.join(', ')}], expected [${PIXELS.join(', ')}]`);
    if (png.mimeType !== 'image/png' || png.format !== 'png') wrong.push(`convertToBlob('image/png') gave ${png.mimeType} holding ${png.format}`);
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail: wrong.length === 0 ? `drawn pixels read back exactly; PNG of ${png.size} bytes` : wrong.join('; '),
      timings: { convertToBlob: encodeMs },
      data: { pixels, png },
    };
  },
});
