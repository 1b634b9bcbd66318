// Feature: WebAssembly under a Content-Security-Policy with 'wasm-unsafe-eval'. Proposal: Web Content Security Policy (features.json "webContentSecurityPolicy").
// The page is served with script-src 'self' 'wasm-unsafe-eval' and no 'unsafe-eval' (deploy/headerPolicy.ts):
// an engine that honours 'wasm-unsafe-eval' compiles under it; one that holds WebAssembly to script-src
// but knows only 'unsafe-eval' refuses. An engine that applies no CSP to WebAssembly at all compiles too;
// telling it apart needs a policy that forbids WebAssembly, whose refusal would be a console error on the page.
// The probe reads the policy it ran under from the page's own response, so it can say when there was none.
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './webContentSecurityPolicy.wat';

interface PagePolicy {
  /** Where the policies were read: the page's response headers and its <meta http-equiv> elements. */
  source: string;
  policies: string[];
}

async function pagePolicies(): Promise<PagePolicy | null> {
  if (typeof location === 'undefined' || typeof document === 'undefined') return null;
  const response = await fetch(location.href, { cache: 'no-store' });
  // Read to the end: a cancelled body shows as a failed request (net::ERR_ABORTED), which the page spec counts.
  await response.arrayBuffer();
  // Several Content-Security-Policy headers arrive joined by ", ", and each is a policy of its own.
  const header = response.headers.get('Content-Security-Policy');
  const meta = Array.from(document.querySelectorAll<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]'), (m) => m.content);
  const policies = [...(header ? header.split(',') : []), ...meta].map((p) => p.trim()).filter(Boolean);
  return { source: `GET ${location.pathname} (HTTP ${response.status}) and ${meta.length} <meta> policies`, policies };
}

/** The sources that govern script in one policy: script-src, or default-src when it has none. */
function scriptSources(policy: string): string[] | null {
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!.toLowerCase(), sources.map((s) => s.toLowerCase())]));
  return directives.get('script-src') ?? directives.get('default-src') ?? null;
}

export default featureProbe({
  featuresJson: 'webContentSecurityPolicy',
  title: "WebAssembly under CSP 'wasm-unsafe-eval'",
  proposal: 'Web Content Security Policy',
  // Rejects rather than answering false, so the engine's refusal message reaches the detail.
  detect: () => WebAssembly.compile(wasm).then(() => true),
  detected: 'compiles',
  absent: "WebAssembly compilation refused under the page's Content-Security-Policy",
  async knownAnswer() {
    const page = await pagePolicies();
    if (!page) return { unavailable: 'there is no page here (no location or document), so no Content-Security-Policy to run under' };
    const governing = page.policies.map(scriptSources).filter((s): s is string[] => s !== null);
    const data = { source: page.source, policies: page.policies };
    if (governing.length === 0) return { unavailable: `the page has no CSP governing script (${page.source}: ${page.policies.length ? page.policies.join(' , ') : 'none'})`, data };
    const unfit = governing.filter((s) => !s.includes("'wasm-unsafe-eval'") || s.includes("'unsafe-eval'"));
    if (unfit.length) return { unavailable: `the page's CSP does not test it: script sources ${unfit.map((s) => s.join(' ')).join(' , ')} (need 'wasm-unsafe-eval' and no 'unsafe-eval')`, data };
    const { add } = await instantiate<{ add(a: number, b: number): number }>(wasm);
    return { what: `instantiate and run under script-src ${governing.map((s) => s.join(' ')).join(' , ')}: add(40, 2)`, got: add(40, 2), expected: 42, data };
  },
});
