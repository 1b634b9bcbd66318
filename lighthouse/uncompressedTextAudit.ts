// A Lighthouse audit, "uncompressed-text": every text-like response sent without Content-Encoding
// (textCompression.ts), one table row each, so a budget holds it at none with LHCI's maxLength, in
// Lighthouse 12 and 13 alike. Informative: it has no score.
import { type LighthouseAuditKit, networkAudit } from './auditKit.ts';
import { uncompressedText } from './textCompression.ts';

export const UNCOMPRESSED_TEXT_AUDIT_ID = 'uncompressed-text';

const HEADINGS = [
  { key: 'url', valueType: 'url', label: 'URL' },
  { key: 'mimeType', valueType: 'text', label: 'Type' },
  { key: 'transferSize', valueType: 'bytes', label: 'Transfer Size' },
] as const;

export function uncompressedTextAudit(kit: LighthouseAuditKit) {
  return networkAudit(kit, {
    id: UNCOMPRESSED_TEXT_AUDIT_ID,
    title: 'Text sent without compression',
    description:
      'Scripts, stylesheets, documents, JSON, SVG and `.wasm` of 1,400 bytes or more that came over the network without brotli or gzip. (wasm-compat: lighthouse/uncompressedTextAudit.ts)',
    audit(records, Audit) {
      const rows = uncompressedText(records);
      return {
        score: null,
        numericValue: rows.length,
        numericUnit: 'unitless',
        displayValue: rows.length ? `${rows.length} response${rows.length === 1 ? '' : 's'} uncompressed` : 'every text response compressed',
        details: Audit.makeTableDetails([...HEADINGS], rows.map((r) => ({ ...r }))),
      };
    },
  });
}
