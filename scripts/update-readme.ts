// `npm run docs`: rewrites README.md's probe table from the probes (harness/probes/probeTable.ts)
// and docs/settings.md from the list of settings (settings/settings.ts). `--check` only compares,
// and exits 1 naming the difference: npm test runs that, so a probe or a setting added, renamed or
// retitled without the docs following fails.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { README_TABLE_NOTE, readmeProbes } from '../harness/probes/catalog.ts';
import { probeTable, withProbeTable } from '../harness/probes/probeTable.ts';
import { settingsMarkdown } from '../settings/settingsTable.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const readme = readFileSync('README.md', 'utf8');
const updated = withProbeTable(readme, probeTable(await readmeProbes(), README_TABLE_NOTE));
if (values.check) {
  if (updated !== readme) {
    console.error('README.md: the probe table is stale (a probe was added, removed or retitled): run npm run docs');
    process.exit(1);
  }
  console.log('README.md: the probe table is current');
} else if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md: probe table rewritten');
} else console.log('README.md: the probe table was already current');

const SETTINGS_DOC = 'docs/settings.md';
const settingsDoc = existsSync(SETTINGS_DOC) ? readFileSync(SETTINGS_DOC, 'utf8') : '';
const settings = settingsMarkdown();
if (values.check) {
  if (settings !== settingsDoc) {
    console.error(`${SETTINGS_DOC}: stale (a setting was added, removed or changed in settings/settings.ts): run npm run docs`);
    process.exit(1);
  }
  console.log(`${SETTINGS_DOC}: current`);
} else if (settings !== settingsDoc) {
  writeFileSync(SETTINGS_DOC, settings);
  console.log(`${SETTINGS_DOC}: rewritten`);
}
