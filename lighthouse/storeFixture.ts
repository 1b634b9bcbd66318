// Stores a real Lighthouse result as a test fixture (tests/fixtures/lighthouse/): the LHR as Lighthouse
// wrote it, minus its screenshots, which are two thirds of its size and read by no test. Everything
// else (audits, categories, settings, i18n) stays as it was, so the fixture is still a real LHR.
//   npx tsx lighthouse/storeFixture.ts reports/lighthouse/runs/index-mobile-run1.report.json tests/fixtures/lighthouse/index-mobile-run1.json
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../reporting/writeWhole.ts';

interface ScreenshotAudit {
  details?: { data?: string; items?: Array<{ data?: string }> };
}

export function withoutScreenshots(lhr: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(lhr) as Record<string, unknown> & { audits: Record<string, ScreenshotAudit> };
  delete copy.fullPageScreenshot;
  for (const item of copy.audits['screenshot-thumbnails']?.details?.items ?? []) item.data = '';
  const final = copy.audits['final-screenshot']?.details;
  if (final?.data) final.data = '';
  return copy;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) throw new Error('usage: storeFixture.ts <report.json> <fixture.json>');
  writeFileAtomic(to, `${JSON.stringify(withoutScreenshots(JSON.parse(readFileSync(from, 'utf8')) as Record<string, unknown>))}\n`);
  console.log(`stored ${from} → ${to}`);
}
