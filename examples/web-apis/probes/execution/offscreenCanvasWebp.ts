// execution.offscreenCanvasWebp: convertToBlob({ type: 'image/webp' }). HTML lets an engine with no
// encoder for a type produce PNG instead, and WebKit has no WebP encoder, so there this is
// 'unsupported', told by the file's own signature rather than by its label.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { fromError, globalValue, timed, type WebApisExports } from '../_exports.ts';

export default crateProbe<WebApisExports>({
  title: "OffscreenCanvas.convertToBlob({ type: 'image/webp' })",
  async run(crate) {
    const present = typeof globalValue('OffscreenCanvas') === 'function';
    let image: { mimeType: string; format: string; size: number };
    let ms: number;
    try {
      let encoded;
      [encoded, ms] = await timed(() => crate.offscreenCanvasEncode('image/webp'));
      image = { mimeType: encoded.mimeType, format: encoded.format, size: encoded.size };
      encoded.free();
    } catch (error) {
      return fromError(error, 'offscreenCanvasEncode', present);
    }
    const outcome = { timings: { convertToBlob: ms }, data: image };
    if (image.format === 'webp' && image.mimeType === 'image/webp') return { ...outcome, status: 'pass', detail: `a WebP file of ${image.size} bytes` };
    if (image.format === 'png' && image.mimeType === 'image/png')
      return { ...outcome, status: 'unsupported', detail: 'no WebP encoder: the engine fell back to PNG, as HTML allows' };
    return { ...outcome, status: 'fail', detail: `the Blob says ${image.mimeType} but holds ${image.format}` };
  },
});
