// Renders deploy/nginx.conf: fills in its @@NAME@@ placeholders (listed at the top of that file)
// and refuses values that could break out of a directive, and any placeholder left unfilled.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Isolation, isolationHeaders } from '../../deploy/headerPolicy.ts';

export const NGINX_TEMPLATE = fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

/** Debian's place for dynamic modules (libnginx-mod-http-brotli-*). */
export const DEBIAN_MODULES = '/usr/lib/nginx/modules';

export interface NginxConfValues {
  /** Loopback only for anything the suite starts. */
  listen: string;
  root: string;
  prefix: string;
  modules: string;
  /** '' sends no header (nginx's add_header skips empty values). */
  coop: string;
  coep: string;
}

/** COOP and COEP values for an isolation; '' where the header must not be sent. */
export function isolationValues(isolation: Isolation): Pick<NginxConfValues, 'coop' | 'coep'> {
  const h = isolationHeaders(isolation);
  return { coop: h['Cross-Origin-Opener-Policy'] ?? '', coep: h['Cross-Origin-Embedder-Policy'] ?? '' };
}

const KEYS: Record<keyof NginxConfValues, string> = { listen: 'LISTEN', root: 'ROOT', prefix: 'PREFIX', modules: 'MODULES', coop: 'COOP', coep: 'COEP' };

/** Fills the placeholders on every line but comments (the template's header documents them by name). */
export function renderNginxConf(values: NginxConfValues, template = readFileSync(NGINX_TEMPLATE, 'utf8')): string {
  for (const [key, value] of Object.entries(values) as Array<[keyof NginxConfValues, string]>) {
    // A quote, semicolon, brace or newline would end the directive and let a value inject config.
    if (/["';{}\s\\]/.test(value))
      throw new Error(`nginx config: ${key} ${JSON.stringify(value)} contains whitespace, a quote, a semicolon, a brace or a backslash`);
    if (!value && key !== 'coop' && key !== 'coep') throw new Error(`nginx config: ${key} is empty`);
  }
  const lines = template.split('\n').map((line) => {
    if (line.trimStart().startsWith('#')) return line;
    let filled = line;
    for (const [key, placeholder] of Object.entries(KEYS) as Array<[keyof NginxConfValues, string]>)
      filled = filled.replaceAll(`@@${placeholder}@@`, values[key]);
    const left = filled.match(/@@[A-Z_]+@@/g);
    if (left) throw new Error(`nginx config: placeholders left unfilled: ${[...new Set(left)].join(', ')}`);
    return filled;
  });
  return lines.join('\n');
}
