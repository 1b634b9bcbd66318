// Applies a project's throttling to a page: CPU through CDP Emulation.setCPUThrottlingRate and the
// network through Network.emulateNetworkConditions, Chromium only (Playwright has no API for
// either: microsoft/playwright#29155). Elsewhere it names what could not be applied, so the report
// shows an unthrottled iPhone as one, next to the device metrics an engine could not apply.
import type { BrowserContext, Page } from '@playwright/test';
import { findEngine } from '../engines/registry.ts';
import { describeCpu, publishedCpuCalibration } from './cpuCalibration.ts';
import { STREAMING_MODULE_FILE } from '../../harness/streaming/streamingModule.ts';
import { SLOW_4G, type ThrottleProfile, type ThrottlingRecord } from './throttlingProfile.ts';

/** Any URL of the streaming probes' module (URLPattern syntax, as CDP requires). */
export const STREAMING_MODULE_PATTERN = `*://*:*/*${STREAMING_MODULE_FILE}?*`;

/** Whether a Playwright engine can apply a phone's CPU and network: through CDP, which only Chromium has (WebDriver sessions have neither). */
export function engineThrottles(engine: string): boolean {
  return findEngine(engine)?.throttles ?? false;
}

/** The throttling a Chromium page gets for `profile`: the run's calibration (the global setup publishes it) and Slow 4G. */
export function chromiumThrottling(profile: ThrottleProfile): ThrottlingRecord {
  const cpu = publishedCpuCalibration();
  if (!cpu)
    throw new Error(
      `the ${profile} profile needs the run's CPU calibration, and none was published: the global setup (runner/globalSetup.ts) or the benchmark runner calibrates before a throttled project starts`,
    );
  return { profile, cpu, network: SLOW_4G, notApplied: [] };
}

/** The same profile where nothing of it can be applied, and why. */
export function notThrottled(profile: ThrottleProfile, why: string): ThrottlingRecord {
  const cpu = publishedCpuCalibration();
  return {
    profile,
    cpu: null,
    network: null,
    notApplied: [`CPU slowdown to a mid-tier phone${cpu ? ` (×${cpu.rate} here)` : ''}: ${why}`, `network ${SLOW_4G.profile} (${describeNetwork()}): ${why}`],
  };
}

export function describeNetwork(network = SLOW_4G): string {
  return `${network.latencyMs} ms latency, ${(network.downloadKbps / 1024).toFixed(2)} Mbps down, ${network.uploadKbps} kbps up`;
}

/** The record if any of it was applied (a CPU rate or a network), else null: what is worth showing as "throttled". */
export function appliedThrottling(t: ThrottlingRecord | null | undefined): ThrottlingRecord | null {
  return t && (t.cpu || t.network) ? t : null;
}

/** What was applied, in words, or null where nothing was (not throttled, or not throttleable). */
export function throttlingOf(t: ThrottlingRecord | null | undefined): string | null {
  const applied = appliedThrottling(t);
  return applied ? describeThrottling(applied) : null;
}

export function describeThrottling(t: ThrottlingRecord): string {
  const applied = [t.cpu ? describeCpu(t.cpu) : null, t.network ? `network ${t.network.profile} (${describeNetwork(t.network)})` : null].filter(Boolean);
  return applied.length ? `throttled as a ${t.profile}: ${applied.join('; ')}` : `${t.profile} throttling not applied`;
}

export async function throttlePage(context: BrowserContext, page: Page, t: ThrottlingRecord): Promise<void> {
  const cdp = await context.newCDPSession(page);
  if (t.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpu.rate });
  if (t.network) {
    await cdp.send('Network.enable');
    // CDP takes bytes per second; Lighthouse converts its kbps with 1024, as here.
    const phone = {
      urlPattern: '',
      latency: t.network.latencyMs,
      downloadThroughput: (t.network.downloadKbps * 1024) / 8,
      uploadThroughput: (t.network.uploadKbps * 1024) / 8,
    };
    // The streaming probes' module keeps its own pace: the suite's trickle is the network that probe
    // measures under, and Chromium's emulation hands the page its bytes in bursts that Resource Timing
    // does not see, which would hide the overlap it looks for. The first matching rule wins.
    const ownPace = { urlPattern: STREAMING_MODULE_PATTERN, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    await cdp.send('Network.emulateNetworkConditionsByRule', { matchedNetworkConditions: [ownPace, phone] });
  }
}
