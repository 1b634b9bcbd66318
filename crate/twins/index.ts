// The TypeScript twins of the crate's exports, under the same names as the wasm-pack module's.
export { mandelbrot, matmul, sieveCount } from './math.ts';
export { reverseChars, stringRoundtrip, utf8Length, wordCount } from './strings.ts';
export { jsonRoundtrip, sampleRecords, sampleRecordsJson, serdeRoundtrip } from './records.ts';
export { allocFillChecksum, Block, bytesInUse, PagedBuffer } from './memory.ts';
export { scaleOffsetF64, sortF64, sumF64 } from './arrays.ts';

export function noop(): void {}
