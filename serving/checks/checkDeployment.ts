// The serving checks from Node, on raw HTTP responses of a deployment of the harness: the page,
// build-info.json, every .wasm it lists and every script and stylesheet the page references.
// Each check is a Finding (deploy/headerRules.ts); a failing one names the cause. Used by
// tests/specs/serving.spec.ts on every target and by the broken-deployment tests.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { HARNESS_BUILD_INFO, type HarnessBuildInfo } from '../../harness/harnessBuildInfo.ts';
import { sha256 } from '../../build/wasmSizes.ts';
import {
  corsFinding,
  type Finding,
  immutableFinding,
  isolationFindings,
  revalidateFinding,
  securityFindings,
  wasmContentTypeFinding,
} from '../../deploy/headerRules.ts';
import { type Encoding, HASHED_ASSET } from '../../deploy/headerPolicy.ts';
import { httpGet, type RawResponse } from './httpGet.ts';
import type { ServingProfile } from './servingProfile.ts';

/** An origin that is surely not the deployment's, for the CORS check. */
export const OTHER_ORIGIN = 'https://wasm-compat-cross-origin.example';

/** Servers and CDNs leave small bodies uncompressed (nginx: *_min_length; the build precompresses
 * from 256 bytes, harness/precompress.ts); from this size on, an uncompressed body is a miss. */
export const MUST_COMPRESS_FROM_BYTES = 1024;

const finding = (check: string, subject: string, ok: boolean, message: string): Finding => ({ check, subject, ok, message });

/** What the page references: module scripts, modulepreloads and stylesheets, same-origin only. */
export function referencedAssets(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    const isLink = /^<link/i.test(tag);
    const ref = isLink ? attr('href') : attr('src');
    if (!ref || (isLink && !/^(modulepreload|stylesheet)$/i.test(attr('rel') ?? ''))) continue;
    const url = new URL(ref, pageUrl);
    if (url.origin === new URL(pageUrl).origin) urls.add(url.href);
  }
  return [...urls];
}

function decode(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliDecompressSync(body) : gunzipSync(body);
}

/** One request per encoding: it must come back in that encoding and decompress to the built bytes. */
async function compressionFindings(
  url: string,
  subject: string,
  expected: { sha256: string; bytes: number },
  encodings: readonly Encoding[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const encoding of encodings) {
    const check = `compression:${encoding}`;
    const res = await httpGet(url, { 'Accept-Encoding': encoding });
    const got = res.get('Content-Encoding');
    if (got?.trim().toLowerCase() !== encoding && expected.bytes < MUST_COMPRESS_FROM_BYTES) {
      findings.push(finding(check, subject, true, `${expected.bytes} bytes: small enough to go uncompressed`));
      continue;
    }
    if (got?.trim().toLowerCase() !== encoding) {
      findings.push(
        finding(
          check,
          subject,
          false,
          `${subject} is not sent with Content-Encoding ${encoding} to a client that accepts ${encoding} (got ${got ?? 'none'}, ${res.body.byteLength} bytes): no ${encoding} compression for it`,
        ),
      );
      continue;
    }
    const vary = (res.get('Vary') ?? '').toLowerCase();
    findings.push(
      finding(
        'vary',
        subject,
        vary.includes('accept-encoding') || vary.includes('*'),
        `${subject} sent with ${encoding} has Vary ${JSON.stringify(res.get('Vary'))}: without Vary: Accept-Encoding a cache may hand the ${encoding} body to a client that cannot decode it`,
      ),
    );
    let decoded: Buffer;
    try {
      decoded = decode(res.body, encoding);
    } catch (error) {
      findings.push(finding(check, subject, false, `${subject} sent with Content-Encoding ${encoding} does not decompress (${(error as Error).message})`));
      continue;
    }
    const actual = sha256(decoded);
    findings.push(
      finding(
        check,
        subject,
        actual === expected.sha256,
        actual === expected.sha256
          ? `${encoding}: ${res.body.byteLength} bytes on the wire, decompress to the built ${expected.bytes}`
          : `checksum mismatch: ${subject} sent with ${encoding} decompresses to ${decoded.byteLength} bytes with SHA-256 ${actual.slice(0, 16)}…, the build has ${expected.bytes} bytes with ${expected.sha256.slice(0, 16)}… (a stale or corrupted precompressed copy, or a corrupted file)`,
      ),
    );
  }
  return findings;
}

function cachingFinding(res: RawResponse, subject: string, profile: ServingProfile): Finding {
  const hashed = profile.hashedAssets && HASHED_ASSET.test(new URL(res.url).pathname);
  return hashed ? immutableFinding(res.get, subject) : revalidateFinding(res.get, subject);
}

async function wasmFindings(url: string, subject: string, expected: { sha256: string; bytes: number }, profile: ServingProfile): Promise<Finding[]> {
  const res = await httpGet(url, { 'Accept-Encoding': 'identity', Origin: OTHER_ORIGIN });
  if (res.status !== 200) {
    return [
      finding(
        'status',
        subject,
        false,
        `${subject}: HTTP ${res.status}: the .wasm is missing from the deployment (or not readable), so the page cannot load the crate`,
      ),
    ];
  }
  const findings = [
    wasmContentTypeFinding(res.get, subject),
    corsFinding(res.get, OTHER_ORIGIN, subject),
    ...securityFindings(res.get, subject, 'subresource'),
    cachingFinding(res, subject, profile),
  ];
  const identityEncoding = res.get('Content-Encoding');
  if (identityEncoding && identityEncoding !== 'identity')
    findings.push(
      finding('compression:identity', subject, false, `${subject} is sent with Content-Encoding ${identityEncoding} to a client that accepts only identity`),
    );
  const actual = sha256(res.body);
  if (actual === expected.sha256) {
    findings.push(finding('checksum', subject, true, `SHA-256 ${actual.slice(0, 16)}… as built (${res.body.byteLength} bytes)`));
  } else {
    const compileError = await WebAssembly.compile(new Uint8Array(res.body)).then(
      () => null,
      (error: Error) => `${error.name}: ${error.message}`,
    );
    findings.push(
      finding(
        'checksum',
        subject,
        false,
        `checksum mismatch: ${subject} as served is ${res.body.byteLength} bytes with SHA-256 ${actual.slice(0, 16)}…, build-info.json records ${expected.bytes} bytes with ${expected.sha256.slice(0, 16)}… ` +
          `(the file is truncated or corrupted${compileError ? `; WebAssembly.compile throws ${compileError}` : ''})`,
      ),
    );
  }
  return [...findings, ...(await compressionFindings(url, subject, expected, profile.encodings))];
}

async function assetFindings(url: string, subject: string, info: HarnessBuildInfo | null, profile: ServingProfile): Promise<Finding[]> {
  const css = /\.css$/i.test(new URL(url).pathname);
  // Asked as a browser asks for a stylesheet: Vite's dev server answers a plain request for a .css
  // with the JavaScript module that injects it.
  const res = await httpGet(url, { 'Accept-Encoding': 'identity', Accept: css ? 'text/css,*/*;q=0.1' : '*/*' });
  if (res.status !== 200)
    return [finding('status', subject, false, `${subject}: HTTP ${res.status}: the page references it but the deployment does not serve it`)];
  const type = res.get('Content-Type') ?? '';
  const wantType = css ? /^text\/css\b/i : /^(text|application)\/javascript\b/i;
  const findings = [
    finding(
      'content-type',
      subject,
      wantType.test(type),
      `Content-Type of ${subject} is ${JSON.stringify(type)}: with nosniff a browser refuses a script or stylesheet served as anything else`,
    ),
    ...securityFindings(res.get, subject, 'subresource'),
    cachingFinding(res, subject, profile),
  ];
  const path = new URL(url).pathname;
  const listed = info?.files.find((f) => path.endsWith(`/${f.path}`));
  const expected = listed ?? { sha256: sha256(res.body), bytes: res.body.byteLength };
  if (listed)
    findings.push(
      finding(
        'checksum',
        subject,
        sha256(res.body) === listed.sha256,
        `checksum mismatch: ${subject} as served differs from the build (SHA-256 ${sha256(res.body).slice(0, 16)}…, build ${listed.sha256.slice(0, 16)}…)`,
      ),
    );
  return [...findings, ...(await compressionFindings(url, subject, expected, profile.encodings))];
}

/** Every serving check against the harness at `harnessUrl`, as the target's profile expects it. */
export async function checkDeployment(harnessUrl: string, profile: ServingProfile): Promise<Finding[]> {
  const page = await httpGet(harnessUrl, { 'Accept-Encoding': 'identity' });
  if (page.status !== 200) return [finding('status', 'the page', false, `the page ${harnessUrl}: HTTP ${page.status}: nothing is deployed there`)];
  const findings: Finding[] = [
    finding(
      'content-type',
      'the page',
      /^text\/html\b/i.test(page.get('Content-Type') ?? ''),
      `Content-Type of the page is ${JSON.stringify(page.get('Content-Type'))}, want text/html`,
    ),
    ...isolationFindings(page.get, profile.isolation, 'the page'),
    ...securityFindings(page.get, 'the page', 'document'),
    revalidateFinding(page.get, 'the page'),
    ...(await compressionFindings(harnessUrl, 'the page', { sha256: sha256(page.body), bytes: page.body.byteLength }, profile.encodings)),
  ];

  const infoUrl = new URL(HARNESS_BUILD_INFO, harnessUrl).href;
  const infoRes = await httpGet(infoUrl, { 'Accept-Encoding': 'identity' });
  let info: HarnessBuildInfo | null = null;
  if (infoRes.status !== 200) {
    findings.push(
      finding(
        'build-info',
        HARNESS_BUILD_INFO,
        false,
        `${HARNESS_BUILD_INFO}: HTTP ${infoRes.status}: the deployment lacks the build's record, so no .wasm can be checked against its SHA-256`,
      ),
    );
  } else {
    try {
      info = JSON.parse(infoRes.body.toString('utf8')) as HarnessBuildInfo;
      findings.push(
        // A library crate's page has no module of the subject's, and its record says so (crate: null); any other build lists one.
        info.crate === null
          ? finding(
              'build-info',
              HARNESS_BUILD_INFO,
              info.wasm.length === 0,
              `${HARNESS_BUILD_INFO} records a library crate (no module) and lists ${info.wasm.length} .wasm`,
            )
          : finding('build-info', HARNESS_BUILD_INFO, info.wasm.length > 0, `${HARNESS_BUILD_INFO} lists ${info.wasm.length} .wasm`),
        revalidateFinding(infoRes.get, HARNESS_BUILD_INFO),
      );
    } catch (error) {
      findings.push(finding('build-info', HARNESS_BUILD_INFO, false, `${HARNESS_BUILD_INFO} is not JSON (${(error as Error).message})`));
    }
  }
  for (const w of info?.wasm ?? []) findings.push(...(await wasmFindings(new URL(w.path, harnessUrl).href, w.path, w, profile)));
  for (const url of referencedAssets(page.body.toString('utf8'), harnessUrl)) {
    findings.push(
      ...(await assetFindings(url, url.startsWith(new URL('.', harnessUrl).href) ? url.slice(new URL('.', harnessUrl).href.length) : url, info, profile)),
    );
  }
  return findings;
}
