// What each of this crate's probes should report per engine, where some engine should not pass
// (every other probe must pass everywhere). Each exception names its source: MDN's
// browser-compat-data (BCD) or a release note, and what was measured here on 2026-11-29 with
// Chromium 156.0.8078.108, Firefox ESR 153.8.0 and WebKitGTK 2.50.6 (MiniBrowser), on a page served
// from http://127.0.0.1 (a secure context). Type-only and self-contained: the runner imports it in Node.

type Engine = 'chromium' | 'firefox' | 'webkit' | 'webkitgtk';

interface ExpectationContext {
  engine: Engine;
  /** The engine's version: Chromium's and Firefox's own, Safari's for Playwright's WebKit, WebKitGTK's 2.x. */
  version: string;
}

interface ProbeExpectation {
  status: 'pass' | 'unsupported';
  why: string;
}

type Rule = (ctx: ExpectationContext) => ProbeExpectation;

/** Dotted versions compared part by part: atLeast('2.50.6', '2.46') is true. */
function atLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const b = minimum.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

const pass = (why: string): ProbeExpectation => ({ status: 'pass', why });
const unsupported = (why: string): ProbeExpectation => ({ status: 'unsupported', why });
const since = (ctx: ExpectationContext, minimum: string, source: string): ProbeExpectation =>
  atLeast(ctx.version, minimum) ? pass(`${source}: supported since ${minimum}`) : unsupported(`${source}: supported only from ${minimum}, this is ${ctx.version}`);

/** Playwright's WebKit on macOS is the Cocoa port; everywhere else it is a GTK/WPE build. */
function onMacOS(): boolean {
  const process = (globalThis as { process?: { platform?: string } }).process;
  return process?.platform === 'darwin';
}

const expectations: Record<string, Rule> = {
  'execution.brotliStream': (ctx) => {
    switch (ctx.engine) {
      case 'chromium':
        return unsupported("BCD (api.CompressionStream.CompressionStream.brotli) lists no Chrome version; measured here on Chromium 156: TypeError \"Unsupported compression format: 'brotli'\"");
      case 'firefox':
        return since(ctx, '147', 'Firefox 147 release notes and BCD (mdn/browser-compat-data#28619, bug 1921583); passes here on Firefox ESR 153');
      case 'webkit':
        // Safari 18.4 shipped it, through Apple's Compression framework only (below).
        if (!onMacOS()) return unsupported('WebKit builds brotli streams only on Cocoa ports (CompressionStreamEncoder.h: #if !PLATFORM(COCOA) -> NotSupportedError "Unsupported algorithm"); Playwright\'s WebKit off macOS is a GTK/WPE build');
        return since(ctx, '18.4', 'Safari 18.4 release notes and BCD (mdn/browser-compat-data#28274)');
      case 'webkitgtk':
        return unsupported('WebKit builds brotli streams only on Cocoa ports (CompressionStreamEncoder.h: #if !PLATFORM(COCOA)); measured here on WebKitGTK 2.50.6: NotSupportedError "Unsupported algorithm"');
    }
  },

  'execution.readableStreamFrom': (ctx) => {
    switch (ctx.engine) {
      case 'firefox':
        return since(ctx, '117', 'BCD api.ReadableStream.from_static (web-features "readablestream-from"); passes here on Firefox ESR 153');
      case 'chromium':
        return unsupported('BCD api.ReadableStream.from_static: Chrome version_added false; measured here on Chromium 156: ReadableStream.from is undefined');
      case 'webkit':
        return unsupported('BCD api.ReadableStream.from_static: Safari version_added false');
      case 'webkitgtk':
        return unsupported('BCD api.ReadableStream.from_static: Safari version_added false; measured here on WebKitGTK 2.50.6: ReadableStream.from is undefined');
    }
  },

  'execution.byteStream': (ctx) => {
    switch (ctx.engine) {
      case 'chromium':
        return since(ctx, '89', 'BCD api.ReadableByteStreamController');
      case 'firefox':
        return since(ctx, '102', 'BCD api.ReadableByteStreamController');
      case 'webkit':
        return since(ctx, '26.4', 'BCD api.ReadableByteStreamController (Safari 26.4, web-features "readable-byte-streams")');
      case 'webkitgtk':
        // No WebKitGTK release is yet known to carry Safari 26.4's byte streams; re-measure on a newer one.
        return unsupported('measured here on WebKitGTK 2.50.6: no ReadableByteStreamController global, and new ReadableStream({ type: "bytes" }) throws "ReadableByteStreamController is not implemented" (Safari has them from 26.4 per BCD)');
    }
  },

  'execution.schedulerPostTask': (ctx) => {
    switch (ctx.engine) {
      case 'chromium':
        return since(ctx, '94', 'BCD api.Scheduler.postTask');
      case 'firefox':
        return since(ctx, '142', 'BCD api.Scheduler.postTask (web-features "scheduler")');
      case 'webkit':
        return unsupported('BCD api.Scheduler.postTask: Safari version_added false');
      case 'webkitgtk':
        return unsupported('BCD api.Scheduler.postTask: Safari version_added false; measured here on WebKitGTK 2.50.6: no scheduler global');
    }
  },

  'execution.offscreenCanvasWebp': (ctx) => {
    switch (ctx.engine) {
      case 'chromium':
        return pass('Chrome encodes WebP from canvas (BCD, toDataURL/toBlob type image/webp); passes here on Chromium 156');
      case 'firefox':
        return since(ctx, '96', 'Firefox 96 added a WebP encoder for toDataURL, toBlob and convertToBlob (mdn/browser-compat-data#13897, bug 1511670)');
      case 'webkit':
        return unsupported('Safari has no canvas WebP encoder and falls back to PNG (BCD api.HTMLCanvasElement.toBlob.type_parameter_webp: Safari no)');
      case 'webkitgtk':
        return unsupported('WebKit has no canvas WebP encoder; measured here on WebKitGTK 2.50.6: convertToBlob({ type: "image/webp" }) gives image/png');
    }
  },
};

export default expectations;
