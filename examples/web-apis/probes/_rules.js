// The rules that this crate's probes (through expectations.ts, in Node) and its own browser tests
// (tests/web.rs, in the page or worker that runs them, as a wasm-bindgen module snippet) both read, so
// that a #[wasm_bindgen_test] asserts the outcome the expectations name for its engine, not either
// outcome. Plain JavaScript because the browser runs it as it is; its types are in _rules.d.ts.

/** Dotted versions compared part by part: atLeast('2.50.6', '2.46') is true. */
export function atLeast(version, minimum) {
  const a = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const b = minimum.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export const pass = (why) => ({ status: 'pass', why });
export const unsupported = (why) => ({ status: 'unsupported', why });
export const since = (ctx, minimum, source) =>
  atLeast(ctx.version, minimum)
    ? pass(`${source}: supported since ${minimum}`)
    : unsupported(`${source}: supported only from ${minimum}, this is ${ctx.version}`);

/**
 * Is this WebKit Apple's own port (Cocoa: macOS, iOS)? From the browser's platform in the context
 * (the engine record's, or the page's navigator.platform), never from the machine that runs Node:
 * a macOS grid driven from Linux is Cocoa, Playwright's WebKit on Linux is not.
 */
export function onCocoa(ctx) {
  return /^(mac|darwin|ios|iphone|ipad|ipod)/i.test(ctx.platform ?? '');
}

/** execution.brotliStream: the "brotli" format of CompressionStream / DecompressionStream. */
export function brotliStream(ctx) {
  switch (ctx.engine) {
    case 'chromium':
      return unsupported(
        'BCD (api.CompressionStream.CompressionStream.brotli) lists no Chrome version; measured here on Chromium 156: TypeError "Unsupported compression format: \'brotli\'"',
      );
    case 'firefox':
      return since(ctx, '147', 'Firefox 147 release notes and BCD (mdn/browser-compat-data#28619, bug 1921583); passes here on Firefox ESR 153');
    case 'webkit':
      // Safari 18.4 shipped it, through Apple's Compression framework only (below).
      if (!onCocoa(ctx))
        return unsupported(
          `WebKit builds brotli streams only on Cocoa ports (CompressionStreamEncoder.h: #if !PLATFORM(COCOA) -> NotSupportedError "Unsupported algorithm"); this WebKit runs on ${ctx.platform || 'an unknown platform'}, so it is a GTK/WPE build`,
        );
      return since(ctx, '18.4', 'Safari 18.4 release notes and BCD (mdn/browser-compat-data#28274)');
    case 'webkitgtk':
      return unsupported(
        'WebKit builds brotli streams only on Cocoa ports (CompressionStreamEncoder.h: #if !PLATFORM(COCOA)); measured here on WebKitGTK 2.50.6: NotSupportedError "Unsupported algorithm"',
      );
  }
  throw new Error(`brotliStream: unknown engine ${ctx.engine}`);
}

/**
 * The engine this code runs in, as its page or worker tells it (navigator.userAgent and platform):
 * what a test inside the browser can know. WebKit is 'webkit' with the Safari version its user agent
 * names; WebKitGTK says the same, and its platform (Linux) gives it the rules of a non-Cocoa WebKit.
 * A device emulation that replaces the user agent (Playwright's pixel5, iphone12) replaces the version
 * read here too (Playwright keeps its devices' versions at its own builds'); navigator.platform stays
 * the browser's.
 */
export function engineHere(nav = globalThis.navigator) {
  const ua = nav.userAgent;
  const platform = nav.platform || nav.userAgentData?.platform || '';
  const firefox = /\bFirefox\/(\d[\d.]*)/.exec(ua);
  if (firefox) return { engine: 'firefox', version: firefox[1], platform };
  const chromium = /\b(?:HeadlessChrome|Chrome|Chromium)\/(\d[\d.]*)/.exec(ua);
  if (chromium) return { engine: 'chromium', version: chromium[1], platform };
  if (/\bAppleWebKit\//.test(ua)) return { engine: 'webkit', version: /\bVersion\/(\d[\d.]*)/.exec(ua)?.[1] ?? '0', platform };
  throw new Error(`engineHere: no engine this crate has expectations for in the user agent ${JSON.stringify(ua)}`);
}

/** For tests/web.rs: execution.brotliStream's expectation in the engine running the test, and that engine. */
export function brotliExpectedHere() {
  const here = engineHere();
  return { ...brotliStream(here), ...here };
}
