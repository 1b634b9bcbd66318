// The suite's own audits share one shape: an informative audit (no score) over the run's network
// records, which Lighthouse computes from the DevtoolsLog artifact.
import { type Artifacts, Audit, NetworkRecords } from 'lighthouse';
import type { WasmNetworkRecord } from './wasmTransfer.ts';

type AuditProduct = Awaited<ReturnType<typeof Audit.audit>>;

export interface NetworkAuditSpec {
  id: string;
  title: string;
  description: string;
  /** The audit's product from the page's network records. */
  audit(records: WasmNetworkRecord[]): AuditProduct;
}

/** An informative audit (no score) over the run's network records. */
export function networkAudit(spec: NetworkAuditSpec) {
  return class NetworkAudit extends Audit {
    static override get meta() {
      return {
        id: spec.id,
        title: spec.title,
        description: spec.description,
        scoreDisplayMode: Audit.SCORING_MODES.INFORMATIVE,
        // Lighthouse 13 has DevtoolsLog only (12 also had devtoolsLogs).
        requiredArtifacts: ['DevtoolsLog'] as Array<keyof Artifacts>,
      };
    }

    static override async audit(artifacts: Artifacts, context: Parameters<typeof Audit.audit>[1]) {
      const devtoolsLog = artifacts.DevtoolsLog;
      if (!devtoolsLog) throw new Error('no devtools log');
      return spec.audit(await NetworkRecords.request(devtoolsLog, context));
    }
  };
}
