// Feature: WebAssembly held to the page's Content-Security-Policy, with 'wasm-unsafe-eval' to allow it. Proposal: Web Content Security Policy (features.json "webContentSecurityPolicy").
// Neither wasm-feature-detect (no detector for it) nor webassembly.org (its table's "your browser"
// column runs wasm-feature-detect, so it shows this row as "detection unavailable") decides it in a
// page. An engine that applies no CSP to WebAssembly runs it under any policy, so running under the
// suite's policy proves nothing; the probe builds the two policies that decide it, each in a frame of
// the page (srcdoc, so the frame inherits the page's policies and adds the one in its <meta>), and
// instantiates the module through that frame's own WebAssembly (the realm whose policy applies):
// - under script-src 'self' and a marker host (neither 'wasm-unsafe-eval' nor 'unsafe-eval'), an
//   engine that honours the proposal must refuse;
// - under script-src 'wasm-unsafe-eval' alone it must run, and computes its known answer there.
// Instantiation, not compilation alone: WebKit checks the policy when it creates the instance (measured
// on WebKitGTK 2.50.6: WebAssembly.compile and new WebAssembly.Module succeed under script-src 'self',
// WebAssembly.instantiate and new WebAssembly.Instance are refused). Firefox logs each refusal as an
// error of the frame; the marker host in the refusing policy names it as the probe's own.
import { describeError } from '../runProbe.ts';
import { featureProbe } from '../featureProbe.ts';
import wasm from './webContentSecurityPolicy.wat';

/** In the refusing policy, so that a refusal the engine logs (Firefox does, as an error) names this probe. */
export const CSP_PROBE_MARKER = 'wasm-compat-csp-probe.invalid';
/** Allows WebAssembly only through 'wasm-unsafe-eval': an engine that honours the proposal runs the module under it. */
export const ALLOWING_POLICY = "script-src 'wasm-unsafe-eval'";
/** Neither 'wasm-unsafe-eval' nor 'unsafe-eval': an engine that honours the proposal refuses the module under it. */
export const REFUSING_POLICY = `script-src 'self' https://${CSP_PROBE_MARKER}`;

/** What instantiating the module (and calling add(40, 2)) gave in one frame. */
export type Attempt = { ran: true; answer: number } | { ran: false; error: string };

/** The two frames' attempts, and the page's own policies that both frames inherit. */
export interface CspTrial {
  allowing: Attempt;
  refusing: Attempt;
  /** The page's Content-Security-Policy header(s) and <meta> policies. */
  pagePolicies: string[];
}

export type CspDecision = { honoured: boolean; why: string } | { undecided: string };

/** The sources that govern script in one policy: script-src, or default-src when it has none. */
function scriptSources(policy: string): string[] | null {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources.map((s) => s.toLowerCase())]),
  );
  return directives.get('script-src') ?? directives.get('default-src') ?? null;
}

/** Does every page policy that governs script let WebAssembly run ('wasm-unsafe-eval' or 'unsafe-eval')? */
export function pageAllowsWasm(policies: string[]): boolean {
  return policies.map(scriptSources).every((s) => s === null || s.includes("'wasm-unsafe-eval'") || s.includes("'unsafe-eval'"));
}

/**
 * Does the engine hold WebAssembly to CSP as the proposal says? No when the module runs under the
 * refusing policy (no CSP applies to WebAssembly), or is refused under the allowing one ('wasm-unsafe-eval'
 * unknown); undecided when the page's own policy already refuses it, since the frames inherit that.
 */
export function decideCsp(trial: CspTrial): CspDecision {
  const { allowing, refusing } = trial;
  if (refusing.ran)
    return {
      honoured: false,
      why: `instantiated and ran under ${REFUSING_POLICY} (neither 'wasm-unsafe-eval' nor 'unsafe-eval'): this engine does not hold WebAssembly to the Content-Security-Policy`,
    };
  if (!allowing.ran) {
    if (!pageAllowsWasm(trial.pagePolicies))
      return {
        undecided: `the page's own Content-Security-Policy refuses WebAssembly (${trial.pagePolicies.join(' , ')}), and the probe's frames inherit it: ${allowing.error}`,
      };
    return {
      honoured: false,
      why: `refused under ${ALLOWING_POLICY}, which allows WebAssembly: this engine does not know 'wasm-unsafe-eval' (${allowing.error})`,
    };
  }
  return { honoured: true, why: `refused under ${REFUSING_POLICY} (${refusing.error}); ran under ${ALLOWING_POLICY}` };
}

async function pagePolicies(): Promise<{ source: string; policies: string[] }> {
  const response = await fetch(location.href, { cache: 'no-store' });
  // Read to the end: a cancelled body shows as a failed request (net::ERR_ABORTED), which the page spec counts.
  await response.arrayBuffer();
  // Several Content-Security-Policy headers arrive joined by ", ", and each is a policy of its own.
  const header = response.headers.get('Content-Security-Policy');
  const meta = Array.from(document.querySelectorAll<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]'), (m) => m.content);
  const policies = [...(header ? header.split(',') : []), ...meta].map((p) => p.trim()).filter(Boolean);
  return { source: `GET ${location.pathname} (HTTP ${response.status}) and ${meta.length} <meta> policies`, policies };
}

/** Instantiates the module through the WebAssembly of a frame that adds `policy` to the page's, and calls add(40, 2). */
async function attemptUnder(policy: string): Promise<Attempt> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><title>wasm-compat CSP probe</title>`;
  const loaded = new Promise<void>((done) => frame.addEventListener('load', () => done(), { once: true }));
  (document.body ?? document.documentElement).append(frame);
  try {
    await loaded;
    // The frame's own WebAssembly: its realm's policy is what the engine checks. (Removed only after: a
    // detached frame's WebAssembly never settles in Chromium and Firefox.)
    const realm = (frame.contentWindow as unknown as { WebAssembly: typeof WebAssembly }).WebAssembly;
    const { instance } = await realm.instantiate(wasm);
    return { ran: true, answer: (instance.exports as { add(a: number, b: number): number }).add(40, 2) };
  } catch (error) {
    return { ran: false, error: describeError(error).replace(/\s+/g, ' ').trim() };
  } finally {
    frame.remove();
  }
}

// What the last detection saw, for the detail when the answer is no and for the known answer's data
// (runFeature reads `absent` after detect and calls knownAnswer after it; the page runs a probe once).
let notHonoured = 'WebAssembly is not held to the Content-Security-Policy';
let last: { trial: CspTrial; source: string } | null = null;

export default featureProbe({
  featuresJson: 'webContentSecurityPolicy',
  pageOnly: 'it builds its two policies as frames of the page',
  title: "WebAssembly under CSP 'wasm-unsafe-eval'",
  proposal: 'Web Content Security Policy',
  async detect() {
    last = null;
    // No page (Node, a worker): no frame to build a policy in. The module compiles; knownAnswer says why nothing more was tried.
    if (typeof document === 'undefined' || typeof location === 'undefined') return WebAssembly.compile(wasm).then(() => true);
    const page = await pagePolicies();
    const trial: CspTrial = { refusing: await attemptUnder(REFUSING_POLICY), allowing: await attemptUnder(ALLOWING_POLICY), pagePolicies: page.policies };
    const decision = decideCsp(trial);
    // Throws rather than answering: the page's own policy, not the engine, decided it (runFeature reports a failing detector).
    if ('undecided' in decision) throw new Error(`cannot decide here: ${decision.undecided}`);
    last = { trial, source: page.source };
    notHonoured = decision.why;
    return decision.honoured;
  },
  detected: "refused under a policy without 'wasm-unsafe-eval', runs under one with it",
  get absent() {
    return notHonoured;
  },
  async knownAnswer() {
    if (!last) return { unavailable: 'there is no page here (no location or document), so no Content-Security-Policy to run under' };
    const { trial, source } = last;
    const data = {
      pageSource: source,
      pagePolicies: trial.pagePolicies,
      refusingPolicy: REFUSING_POLICY,
      refusing: trial.refusing,
      allowingPolicy: ALLOWING_POLICY,
    };
    // detect answered yes, so the module ran under the allowing policy.
    return {
      what: `instantiate and run in a frame under ${ALLOWING_POLICY}: add(40, 2)`,
      got: trial.allowing.ran ? trial.allowing.answer : null,
      expected: 42,
      data,
    };
  },
});
