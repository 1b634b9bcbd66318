// The streaming probe's slow download from nginx: a location, added to the rendered config of every
// nginx the suite starts (not to deploy/nginx.conf, which is for production), that proxies the
// trickle path, unbuffered and uncompressed, to the suite's trickle server (serving/trickle.ts).
// It sets no add_header, so the server's headers (isolation, nosniff, CORS) reach it unchanged.
import { TRICKLE_PATH } from '../../harness/streaming/streamingModule.ts';
import { TRICKLE_SERVER_PATHS } from '../trickle.ts';

/** The rewrite the broken-deployment fixture changes to the buffered path, standing for a buffering proxy. */
export const TRICKLE_REWRITE = `rewrite ^ ${TRICKLE_SERVER_PATHS.trickled} break;`;
export const BUFFERED_REWRITE = `rewrite ^ ${TRICKLE_SERVER_PATHS.buffered} break;`;

const ANCHOR = '        location / {';

/** `trickleServer`: the trickle server's base URL (http://127.0.0.1:<port>/). */
export function withTrickleLocation(conf: string, trickleServer: string): string {
  const upstream = new URL(trickleServer);
  if (upstream.protocol !== 'http:' || upstream.hostname !== '127.0.0.1')
    throw new Error(`nginx config: the trickle server must be on http://127.0.0.1, not ${trickleServer}`);
  if (conf.split(ANCHOR).length !== 2)
    throw new Error(`nginx config: expected "${ANCHOR.trim()}" once, to add the streaming probe's trickle location before it`);
  const location = [
    `        # wasm-compat's streaming probe (serving/nginx/trickleLocation.ts): the generated module, slowly.`,
    `        location ~ /${TRICKLE_PATH.replaceAll('.', '\\.')}$ {`,
    `            gzip off;`,
    `            brotli off;`,
    `            proxy_buffering off;`,
    `            ${TRICKLE_REWRITE}`,
    `            proxy_pass http://127.0.0.1:${upstream.port};`,
    `        }`,
    '',
  ].join('\n');
  return conf.replace(ANCHOR, `${location}${ANCHOR}`);
}
