// The types of _rules.js (plain JavaScript, as the browser runs it for tests/web.rs).
export type Engine = 'chromium' | 'firefox' | 'webkit' | 'webkitgtk';

export interface RuleContext {
  engine: Engine;
  /** The engine's version: Chromium's and Firefox's own, Safari's for WebKit, WebKitGTK's 2.x. */
  version: string;
  /** The browser's platform (the engine record's, or the page's navigator.platform): "Linux x86_64", "MacIntel", "mac", "iOS". */
  platform?: string;
}

export interface RuleExpectation {
  status: 'pass' | 'unsupported';
  why: string;
}

export function atLeast(version: string, minimum: string): boolean;
export function pass(why: string): RuleExpectation;
export function unsupported(why: string): RuleExpectation;
export function since(ctx: RuleContext, minimum: string, source: string): RuleExpectation;
export function onCocoa(ctx: Pick<RuleContext, 'platform'>): boolean;
export function brotliStream(ctx: RuleContext): RuleExpectation;
export function engineHere(nav?: Pick<Navigator, 'userAgent' | 'platform'> & { userAgentData?: { platform?: string } }): Required<RuleContext>;
export function brotliExpectedHere(): RuleExpectation & Required<RuleContext>;
