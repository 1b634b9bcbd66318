// execution.readableStreamFrom: ReadableStream.from(iterable), called from Rust through the class
// object (web-sys has no binding for it). A stream must give the iterable's values back in order.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { fromError, globalValue, type WebApisExports } from '../_exports.ts';

const VALUES = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0, 4_294_967_295];

export default crateProbe<WebApisExports>({
  title: 'ReadableStream.from() of an array',
  async run(crate) {
    const stream = globalValue('ReadableStream') as { from?: unknown } | undefined;
    const present = typeof stream?.from === 'function';
    let got: number[];
    try {
      got = Array.from(await crate.readableStreamFromArray(VALUES));
    } catch (error) {
      return fromError(error, 'readableStreamFromArray', present);
    }
    if (!present) return { status: 'fail', detail: 'ReadableStream.from is missing here, yet the crate read a stream from it' };
    const right = got.length === VALUES.length && got.every((v, i) => v === VALUES[i]);
    return {
      status: right ? 'pass' : 'fail',
      detail: right ? `${VALUES.length} values came back in order` : `got [${got.join(', ')}], expected [${VALUES.join(', ')}]`,
      data: { got },
    };
  },
});
