// npm run grid [-- --browsers chromium,firefox]: a local Selenium Grid for a person (a hub and a node
// per browser, runner/engines/grid/localGrid.ts), its jars fetched first if missing (gridTools.ts),
// and the two settings that run the suite through it; Ctrl-C stops everything.
// npm run grid -- --install: only fetch the jars (scripts/setup.sh).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureGridTools } from '../runner/engines/grid/gridTools.ts';
import { type GridBrowser, startLocalGrid } from '../runner/engines/grid/localGrid.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';

const BROWSERS: readonly GridBrowser[] = ['chromium', 'firefox'];
const { values } = parseArgs({ options: { browsers: { type: 'string', default: BROWSERS.join(',') }, install: { type: 'boolean', default: false } } });
const browsers = values.browsers.split(',').map((b) => b.trim());
const unknown = browsers.filter((b) => !BROWSERS.includes(b as GridBrowser));
if (unknown.length) throw new Error(`--browsers ${values.browsers}: no grid node for ${unknown.join(', ')}; the grid's browsers: ${BROWSERS.join(', ')}`);

const tools = ensureGridTools((line) => console.log(line));
if (values.install) {
  console.log(`Selenium Grid's jars: ${tools.classpath}; chromedriver ${tools.chromedriver ?? 'missing'}; geckodriver ${tools.geckodriver ?? 'missing'}`);
  process.exit(0);
}
const started = Date.now();
const grid = await startLocalGrid(tools, browsers as GridBrowser[]);
mkdirSync(join(PROJECT_ROOT, '.cache', 'grid'), { recursive: true });
const caps = grid.capabilitiesFile(join(PROJECT_ROOT, '.cache', 'grid', 'capabilities.json'));
console.log(
  `Selenium Grid ${grid.url} ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${grid.nodes.map((n) => `${n.browser} node ${n.url}`).join(', ')}`,
);
console.log('Run the suite through it (one project per grid browser):');
console.log(
  `  WASM_COMPAT_REMOTE_URL=${grid.url} WASM_COMPAT_REMOTE_CAPABILITIES=${caps} npm run test:appium -- ${grid.nodes.map((n) => `--project=grid-${n.browser}`).join(' ')}`,
);
console.log('Ctrl-C stops the grid.');
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void grid.stop().then(() => process.exit(0));
  });
