// The Lighthouse config for each form factor: Lighthouse's own defaults (mobile: a Moto G Power on
// slow 4G with 4x CPU slowdown, simulated) or its desktop config, plus the wasm-transfer-size audit,
// shown under Performance > Diagnostics with weight 0 so it never changes the score.
import { desktopConfig } from 'lighthouse';
import type { Config } from 'lighthouse';
import { WASM_TRANSFER_AUDIT_ID, WasmTransferAudit } from './wasmTransferAudit.ts';

export const FORM_FACTORS = ['mobile', 'desktop'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

export function isFormFactor(value: string): value is FormFactor {
  return (FORM_FACTORS as readonly string[]).includes(value);
}

export function lighthouseConfig(formFactor: FormFactor): Config {
  const base: Config = formFactor === 'desktop' ? structuredClone(desktopConfig) : { extends: 'lighthouse:default' };
  return {
    ...base,
    audits: [WasmTransferAudit],
    categories: {
      performance: {
        title: 'Performance',
        auditRefs: [{ id: WASM_TRANSFER_AUDIT_ID, weight: 0, group: 'diagnostics' }],
      },
    },
  };
}
