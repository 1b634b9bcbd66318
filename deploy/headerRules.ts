// Rules for the response headers a wasm deployment needs, as pure functions over a header getter,
// so that the page (serving.headers, on what the browser received) and the suite's Node checks
// (serving/checks/checkDeployment.ts, on the raw responses) judge the same way. Every finding that
// fails says what is wrong and what it breaks; docs/serving.md gives the reasons at length.
import { type Isolation, isolationHeaders } from './headerPolicy.ts';

export type HeaderGetter = (name: string) => string | null;

export interface Finding {
  /** Which rule, e.g. 'content-type', 'coep', 'csp', 'checksum'. */
  check: string;
  /** What was checked, e.g. 'assets/wasm_compat_bg-C9o9UeKm.wasm' or 'the page'. */
  subject: string;
  ok: boolean;
  /** On failure: the cause, named, and its consequence. On success: what held. */
  message: string;
}

const finding = (check: string, subject: string, ok: boolean, message: string): Finding => ({ check, subject, ok, message });
const show = (value: string | null) => (value === null ? 'missing' : JSON.stringify(value));

export const WASM_MIME_TYPE = 'application/wasm';

/** Streaming compilation accepts exactly application/wasm, no parameters (WebAssembly Web API,
 * "compile a potential WebAssembly response": the Content-Type, with HTTP whitespace stripped, must
 * match byte-case-insensitively). HTTP whitespace is tab, space, CR and LF only: String.trim would
 * also strip a form feed, which browsers keep and reject (web-platform-tests' contenttype.any.js). */
export function isWasmMimeType(contentType: string | null): boolean {
  return contentType !== null && contentType.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '').toLowerCase() === WASM_MIME_TYPE;
}

/** Why a Content-Type stops streaming compilation, or null when it does not. */
export function wasmMimeTypeProblem(contentType: string | null): string | null {
  if (isWasmMimeType(contentType)) return null;
  const consequence =
    'WebAssembly.instantiateStreaming and compileStreaming reject it with a TypeError, so the page falls back to compiling from bytes (slower start)';
  if (contentType === null) return `served without a Content-Type, not ${WASM_MIME_TYPE}: ${consequence}`;
  return `served as ${JSON.stringify(contentType)}, not ${WASM_MIME_TYPE}: ${consequence}`;
}

export function wasmContentTypeFinding(get: HeaderGetter, subject: string): Finding {
  const problem = wasmMimeTypeProblem(get('Content-Type'));
  return finding('content-type', subject, problem === null, problem === null ? `Content-Type ${WASM_MIME_TYPE}` : `Content-Type of ${subject}: ${problem}`);
}

/** COOP and COEP as the declared isolation needs them. Missing ones mean no crossOriginIsolated,
 * so no SharedArrayBuffer and no wasm threads (HTML, "cross-origin isolated capability"). */
export function isolationFindings(get: HeaderGetter, isolation: Isolation, subject: string): Finding[] {
  const coop = get('Cross-Origin-Opener-Policy');
  const coep = get('Cross-Origin-Embedder-Policy');
  if (isolation === 'none') {
    const isolating = coop?.trim() === 'same-origin' && /^(require-corp|credentialless)\b/.test(coep?.trim() ?? '');
    return [
      finding(
        'isolation',
        subject,
        !isolating,
        isolating
          ? `${subject} is served with COOP ${show(coop)} and COEP ${show(coep)}, which isolate it, yet the target is declared not isolated`
          : 'not isolated, as declared (no COOP same-origin + COEP pair)',
      ),
    ];
  }
  const want = isolationHeaders(isolation);
  const consequence = 'the page is not cross-origin isolated: no SharedArrayBuffer, no wasm threads';
  return (['Cross-Origin-Opener-Policy', 'Cross-Origin-Embedder-Policy'] as const).map((name) => {
    const value = get(name);
    const ok = value?.trim() === want[name];
    const check = name === 'Cross-Origin-Opener-Policy' ? 'coop' : 'coep';
    if (ok) return finding(check, subject, true, `${name}: ${value}`);
    return finding(
      check,
      subject,
      false,
      value === null
        ? `${name} is missing on ${subject} (want ${want[name]}): ${consequence}`
        : `${name} on ${subject} is ${show(value)}, want ${want[name]}: ${consequence}`,
    );
  });
}

const CORP_VALUES = ['same-origin', 'same-site', 'cross-origin'];

/** CORP: without it, a page with COEP require-corp on another origin may not load the file. */
export function corpFinding(get: HeaderGetter, subject: string): Finding {
  const value = get('Cross-Origin-Resource-Policy')?.trim() ?? null;
  const ok = value !== null && CORP_VALUES.includes(value);
  return finding(
    'corp',
    subject,
    ok,
    ok
      ? `Cross-Origin-Resource-Policy: ${value}`
      : `Cross-Origin-Resource-Policy on ${subject} is ${show(value)}, want one of ${CORP_VALUES.join(', ')}: isolated pages elsewhere cannot embed it`,
  );
}

/** Parses a CSP into directive -> source list (the first policy only, names lower-cased). */
export function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(',')[0]!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What is wrong with a CSP for a wasm page: it must allow compiling WebAssembly with
 * 'wasm-unsafe-eval' (CSP3) and allow nothing unsafe beyond it. Empty when it is right. */
export function cspProblems(csp: string | null): string[] {
  if (csp === null || csp.trim() === '') return ['no Content-Security-Policy'];
  const d = parseCsp(csp);
  const problems: string[] = [];
  const script = d.get('script-src') ?? d.get('default-src');
  if (!script) problems.push('neither script-src nor default-src: scripts may come from anywhere');
  else if (!script.includes("'wasm-unsafe-eval'") && !script.includes("'unsafe-eval'"))
    problems.push("script-src lacks 'wasm-unsafe-eval': WebAssembly compilation is blocked (CompileError / EvalError)");
  for (const [name, sources] of d) {
    for (const source of sources) {
      const s = source.toLowerCase();
      if (s.startsWith("'unsafe-") && s !== "'wasm-unsafe-eval'") problems.push(`${name} allows ${source}`);
      if (['script-src', 'default-src', 'worker-src', 'object-src'].includes(name) && ['*', 'data:', 'blob:', 'http:', 'https:'].includes(s))
        problems.push(`${name} allows ${source}`);
    }
  }
  const object = d.get('object-src') ?? d.get('default-src');
  if (!object?.includes("'none'")) problems.push("object-src is not 'none'");
  if (!d.has('frame-ancestors')) problems.push('no frame-ancestors: the page can be framed by anyone');
  return problems;
}

export function cspFinding(get: HeaderGetter, subject: string): Finding {
  const problems = cspProblems(get('Content-Security-Policy'));
  return finding(
    'csp',
    subject,
    problems.length === 0,
    problems.length === 0
      ? "Content-Security-Policy allows 'wasm-unsafe-eval' and nothing unsafe"
      : `Content-Security-Policy on ${subject}: ${problems.join('; ')}`,
  );
}

export function nosniffFinding(get: HeaderGetter, subject: string): Finding {
  const value = get('X-Content-Type-Options');
  const ok = value?.trim().toLowerCase() === 'nosniff';
  return finding(
    'nosniff',
    subject,
    ok,
    ok
      ? 'X-Content-Type-Options: nosniff'
      : `X-Content-Type-Options on ${subject} is ${show(value)}, want nosniff: browsers may sniff a type other than the one sent`,
  );
}

/** Policies that never send a full URL to another origin. */
const SAFE_REFERRER_POLICIES = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

export function referrerPolicyFinding(get: HeaderGetter, subject: string): Finding {
  // Several comma-separated values: the last one the browser knows wins (Referrer Policy, 4.1).
  const value = get('Referrer-Policy');
  const last =
    value
      ?.split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean)
      .at(-1) ?? null;
  const ok = last !== null && SAFE_REFERRER_POLICIES.includes(last);
  return finding(
    'referrer-policy',
    subject,
    ok,
    ok
      ? `Referrer-Policy: ${value}`
      : `Referrer-Policy on ${subject} is ${show(value)}, want one of ${SAFE_REFERRER_POLICIES.join(', ')}: full URLs may leak to other origins`,
  );
}

/** A Server header that names a version tells attackers which CVEs to try. */
export function serverVersionFinding(get: HeaderGetter, subject: string): Finding {
  const server = get('Server');
  const poweredBy = get('X-Powered-By');
  const leaks = [server !== null && /\d/.test(server) ? `Server: ${server}` : null, poweredBy !== null ? `X-Powered-By: ${poweredBy}` : null].filter(
    (x): x is string => x !== null,
  );
  return finding(
    'server-version',
    subject,
    leaks.length === 0,
    leaks.length === 0
      ? `no server version (Server: ${server ?? 'none'})`
      : `${subject} reveals the server software version (${leaks.join(', ')}): turn it off (nginx: server_tokens off)`,
  );
}

/** The headers the deployment needs whatever the isolation: on a document all of them; on a
 * subresource (.wasm, scripts) the ones that apply to it (CSP and Referrer-Policy act on documents). */
export function securityFindings(get: HeaderGetter, subject: string, kind: 'document' | 'subresource'): Finding[] {
  const always = [corpFinding(get, subject), nosniffFinding(get, subject), serverVersionFinding(get, subject)];
  return kind === 'document' ? [...always, cspFinding(get, subject), referrerPolicyFinding(get, subject)] : always;
}

const directives = (cacheControl: string | null) =>
  (cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());

/** HTML must be revalidated on every load, or a new deploy's page keeps pointing at old assets. */
export function revalidateFinding(get: HeaderGetter, subject: string): Finding {
  const value = get('Cache-Control');
  const ok = directives(value).some((d) => d === 'no-cache' || d === 'no-store' || d === 'max-age=0');
  return finding(
    'cache-control',
    subject,
    ok,
    ok
      ? `Cache-Control: ${value}`
      : `Cache-Control on ${subject} is ${show(value)}, want no-cache: browsers may keep an old page that points at assets a new deploy removed`,
  );
}

/** A content-hashed asset never changes: a year and immutable, so repeat visits skip the request. */
export function immutableFinding(get: HeaderGetter, subject: string): Finding {
  const value = get('Cache-Control');
  const d = directives(value);
  const maxAge = Number(d.find((x) => x.startsWith('max-age='))?.slice('max-age='.length) ?? Number.NaN);
  const ok = d.includes('immutable') && maxAge >= 31_536_000 && !d.includes('no-cache') && !d.includes('no-store');
  return finding(
    'cache-control',
    subject,
    ok,
    ok
      ? `Cache-Control: ${value}`
      : `Cache-Control on hashed asset ${subject} is ${show(value)}, want public, max-age=31536000, immutable: every visit re-downloads or revalidates it`,
  );
}

/** CORS on .wasm, asked with an Origin of another site: without it, that site cannot fetch the module. */
export function corsFinding(get: HeaderGetter, origin: string, subject: string): Finding {
  const value = get('Access-Control-Allow-Origin');
  const ok = value?.trim() === '*' || value?.trim() === origin;
  return finding(
    'cors',
    subject,
    ok,
    ok
      ? `Access-Control-Allow-Origin: ${value}`
      : `Access-Control-Allow-Origin on ${subject} is ${show(value)} for Origin ${origin}, want * (or that origin): other origins cannot fetch or stream-compile the .wasm`,
  );
}
