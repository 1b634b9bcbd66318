// The Lighthouse config for each form factor: Lighthouse's own defaults (mobile: a Moto G Power on
// slow 4G with 4x CPU slowdown, simulated) or its desktop config, plus the suite's two audits,
// shown under Performance > Diagnostics with weight 0 so they never change the score.
import { type Config, desktopConfig } from 'lighthouse';
import { UNCOMPRESSED_TEXT_AUDIT_ID, uncompressedTextAudit } from './uncompressedTextAudit.ts';
import { WASM_TRANSFER_AUDIT_ID, wasmTransferAudit } from './wasmTransferAudit.ts';

export const FORM_FACTORS = ['mobile', 'desktop'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

export function isFormFactor(value: string): value is FormFactor {
  return (FORM_FACTORS as readonly string[]).includes(value);
}

export function lighthouseConfig(formFactor: FormFactor): Config {
  const base: Config = formFactor === 'desktop' ? structuredClone(desktopConfig) : { extends: 'lighthouse:default' };
  return {
    ...base,
    audits: [wasmTransferAudit(), uncompressedTextAudit()],
    categories: {
      performance: {
        title: 'Performance',
        auditRefs: [
          { id: WASM_TRANSFER_AUDIT_ID, weight: 0, group: 'diagnostics' },
          { id: UNCOMPRESSED_TEXT_AUDIT_ID, weight: 0, group: 'diagnostics' },
        ],
      },
    },
  };
}
