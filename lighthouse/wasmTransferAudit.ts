// A Lighthouse audit, "wasm-transfer-size": the page's WebAssembly responses (transfer size, decoded
// size, Content-Encoding, cache); numericValue is the bytes on the wire to fetch each distinct
// module once (wasmTransfer.ts says why not every fetch). Being an audit, it
// lands in the report (HTML and JSON) like any other, and a lighthouserc budget asserts on it the
// LHCI way: "wasm-transfer-size": ["error", {"maxNumericValue": …}]. Informative: it has no score.
import { Audit } from 'lighthouse';
import { networkAudit } from './auditKit.ts';
import { primaryWasmResponse, wasmTransfer } from './wasmTransfer.ts';

export const WASM_TRANSFER_AUDIT_ID = 'wasm-transfer-size';

const KIB = 1024;

const HEADINGS = [
  { key: 'url', valueType: 'url', label: 'URL' },
  { key: 'transferSize', valueType: 'bytes', label: 'Transfer Size' },
  { key: 'resourceSize', valueType: 'bytes', label: 'Resource Size' },
  { key: 'encoding', valueType: 'text', label: 'Content-Encoding' },
  { key: 'source', valueType: 'text', label: 'From' },
] as const;

export function wasmTransferAudit() {
  return networkAudit({
    id: WASM_TRANSFER_AUDIT_ID,
    title: 'WebAssembly transfer size',
    description:
      'Bytes on the wire for every `.wasm` response, with its decoded size and Content-Encoding. A module served without brotli or gzip costs about three times its compressed size. (wasm-compat: lighthouse/wasmTransferAudit.ts)',
    audit(records) {
      const { responses, moduleTransferBytes, totalTransferBytes } = wasmTransfer(records);
      if (!responses.length) {
        return { score: null, notApplicable: true, displayValue: 'the page requested no .wasm' };
      }
      const primary = primaryWasmResponse(responses);
      return {
        score: null,
        numericValue: moduleTransferBytes,
        numericUnit: 'byte',
        displayValue: `${(moduleTransferBytes / KIB).toFixed(1)} KiB${primary ? ` (${primary.encoding}, ${(primary.resourceSize / KIB).toFixed(1)} KiB decoded)` : ''}; ${responses.length} request${responses.length === 1 ? '' : 's'}, ${(totalTransferBytes / KIB).toFixed(1)} KiB on the wire in all`,
        details: Audit.makeTableDetails(
          [...HEADINGS],
          responses.map((r) => ({ ...r })),
        ),
      };
    },
  });
}
