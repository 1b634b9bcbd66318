// The suite's own audits, over the Lighthouse that runs them. Its Audit base class and its
// network-records computation are passed in, not imported, so the same audit files serve
// Lighthouse 12.2.3 in the runner's process and Lighthouse 13 in its Node 22 child
// (lighthouseChild.ts), each with its own classes. Typed from the project's Lighthouse.
import type { Artifacts, Audit, NetworkRecords } from 'lighthouse';
import type { WasmNetworkRecord } from './wasmTransfer.ts';

export interface LighthouseAuditKit {
  Audit: typeof Audit;
  NetworkRecords: typeof NetworkRecords;
}

type AuditProduct = Awaited<ReturnType<typeof Audit.audit>>;

export interface NetworkAuditSpec {
  id: string;
  title: string;
  description: string;
  /** The audit's product from the page's network records; `Audit` for its table helpers. */
  audit(records: WasmNetworkRecord[], Audit: LighthouseAuditKit['Audit']): AuditProduct;
}

/** An informative audit (no score) over the run's network records. */
export function networkAudit({ Audit, NetworkRecords }: LighthouseAuditKit, spec: NetworkAuditSpec) {
  return class NetworkAudit extends Audit {
    static override get meta() {
      return {
        id: spec.id,
        title: spec.title,
        description: spec.description,
        scoreDisplayMode: Audit.SCORING_MODES.INFORMATIVE,
        // DevtoolsLog, not devtoolsLogs: Lighthouse 12 has both artifacts, 13 only this one.
        requiredArtifacts: ['DevtoolsLog'] as Array<keyof Artifacts>,
      };
    }

    static override async audit(artifacts: Artifacts, context: Parameters<typeof Audit.audit>[1]) {
      const devtoolsLog = artifacts.DevtoolsLog;
      if (!devtoolsLog) throw new Error('no devtools log');
      return spec.audit(await NetworkRecords.request(devtoolsLog, context), Audit);
    }
  };
}
