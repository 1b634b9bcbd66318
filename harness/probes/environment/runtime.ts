// environment.runtime: who ran the probes. User agent, cores, memory class, platform and language,
// so a report can tell engines, devices and emulations apart (deviceMemory is Chromium-only). Its
// status is 'info': it records, it does not judge.
import { defineProbe } from '../probe.ts';

interface NavigatorExtras {
  deviceMemory?: number;
  userAgentData?: { brands?: Array<{ brand: string; version: string }>; mobile?: boolean; platform?: string };
}

export default defineProbe({
  title: 'Browser, device and language',
  needsWebAssembly: false,
  async run() {
    const nav = navigator as Navigator & NavigatorExtras;
    const data = {
      userAgent: nav.userAgent,
      hardwareConcurrency: nav.hardwareConcurrency ?? null,
      deviceMemory: nav.deviceMemory ?? null,
      platform: nav.platform,
      language: nav.language,
      languages: [...(nav.languages ?? [])],
      userAgentData: nav.userAgentData
        ? { brands: nav.userAgentData.brands ?? [], mobile: nav.userAgentData.mobile ?? null, platform: nav.userAgentData.platform ?? null }
        : null,
    };
    const memory = data.deviceMemory === null ? '' : `, ~${data.deviceMemory} GB memory`;
    return {
      // Facts about who ran the probes: recorded for the report, judged by nothing.
      status: 'info',
      detail: `${data.hardwareConcurrency ?? '?'} cores${memory}, platform ${data.platform || '?'}, language ${data.language}; ${data.userAgent}`,
      data,
    };
  },
});
