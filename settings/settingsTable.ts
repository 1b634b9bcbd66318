// docs/settings.md, made from the one list (settings.ts): npm run docs writes it, npm test checks it.
import { OUTSIDE_VARIABLES } from './environment.ts';
import { SETTINGS, type Setting } from './settings.ts';

const AREAS: Record<Setting['area'], string> = {
  subject: 'The subject',
  run: 'The run',
  serving: 'Serving',
  engines: 'Engines',
  reports: 'Reports',
  benchmarks: 'Benchmarks',
  lighthouse: 'Lighthouse',
};

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function settingsMarkdown(): string {
  const all = Object.values(SETTINGS) as Setting[];
  const out = [
    '# Settings',
    '',
    '<!-- Generated from settings/settings.ts by `npm run docs`; npm test fails when this file is stale. -->',
    '',
    'Every `WASM_COMPAT_*` variable the suite reads. A value a setting does not take is an error naming the',
    "setting and the value. Those with a key in `wasm-compat.config.ts` can be set there too (the subject's",
    'keys, `crate`, `target`, `features`, `probes` and `requirementsBaseline`, are in docs/your-crate.md); the',
    'environment wins. The last tables list what the run hands from one of its processes to another: set',
    'by the suite, not by people. The last table lists the variables the suite reads but does not own.',
    '',
  ];
  for (const audience of ['user', 'run'] as const) {
    out.push(audience === 'user' ? '## Set by people' : '## Set by the run itself', '');
    for (const [area, title] of Object.entries(AREAS)) {
      const rows = all.filter((s) => s.audience === audience && s.area === area);
      if (!rows.length) continue;
      out.push(`### ${title}`, '', '| setting | in wasm-compat.config.ts | what it does | values | unset |', '|---|---|---|---|---|');
      for (const s of rows) out.push(`| \`${s.env}\` | ${s.config ? `\`${s.config}\`` : ''} | ${cell(s.what)} | ${cell(s.values)} | ${cell(s.unset)} |`);
      out.push('');
    }
  }
  out.push('## Read, not owned', '', '| variable | why the suite reads it |', '|---|---|');
  for (const [name, why] of Object.entries(OUTSIDE_VARIABLES)) out.push(`| \`${name}\` | ${cell(why)} |`);
  return `${out.join('\n').trimEnd()}\n`;
}
