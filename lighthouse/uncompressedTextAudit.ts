// A Lighthouse audit, "uncompressed-text": every text-like response sent without Content-Encoding
// (textCompression.ts), one table row each, so a budget holds it at none with LHCI's maxLength
// (Lighthouse 13 dropped uses-text-compression). Informative: it has no score.
import { Audit } from 'lighthouse';
import { networkAudit } from './auditKit.ts';
import { uncompressedText } from './textCompression.ts';

export const UNCOMPRESSED_TEXT_AUDIT_ID = 'uncompressed-text';

const HEADINGS = [
  { key: 'url', valueType: 'url', label: 'URL' },
  { key: 'mimeType', valueType: 'text', label: 'Type' },
  { key: 'transferSize', valueType: 'bytes', label: 'Transfer Size' },
] as const;

export function uncompressedTextAudit() {
  return networkAudit({
    id: UNCOMPRESSED_TEXT_AUDIT_ID,
    title: 'Text sent without compression',
    description:
      'Scripts, stylesheets, documents, JSON, SVG and `.wasm` of 1,400 bytes or more that came over the network without brotli or gzip. (wasm-compat: lighthouse/uncompressedTextAudit.ts)',
    audit(records) {
      const rows = uncompressedText(records);
      return {
        score: null,
        numericValue: rows.length,
        numericUnit: 'unitless',
        displayValue: rows.length ? `${rows.length} response${rows.length === 1 ? '' : 's'} uncompressed` : 'every text response compressed',
        details: Audit.makeTableDetails(
          [...HEADINGS],
          rows.map((r) => ({ ...r })),
        ),
      };
    },
  });
}
