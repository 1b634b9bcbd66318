// What each of this crate's probes should report per engine, where some engine should not pass
// (every other probe must pass everywhere). Each exception names its source: MDN's
// browser-compat-data (BCD) or a release note, and what was measured here on 2026-11-29 with
// Chromium 156.0.8078.108, Firefox ESR 153.8.0 and WebKitGTK 2.50.6 (MiniBrowser), on a page served
// from http://127.0.0.1 (a secure context). The runner imports it in Node (runner/expectations/). The rules
// the crate's own browser tests also assert (tests/web.rs) are in _rules.js, which the browser runs too.
import { brotliStream, pass, type RuleContext, type RuleExpectation, since, unsupported } from './_rules.js';

/** engine, version, and the browser's platform from the engine record (not the machine that runs Node): _rules.d.ts. */
type ExpectationContext = RuleContext;
type ProbeExpectation = RuleExpectation;
type Rule = (ctx: ExpectationContext) => ProbeExpectation;

const expectations: Record<string, Rule> = {
  // Its Wasm-side twin is tests/web.rs's brotli_works_or_is_named_as_missing, which asserts the same rule in the browser.
  'execution.brotliStream': brotliStream,

  'execution.readableStreamFrom': (ctx) => {
    switch (ctx.engine) {
      case 'firefox':
        return since(ctx, '117', 'BCD api.ReadableStream.from_static (web-features "readablestream-from"); passes here on Firefox ESR 153');
      case 'chromium':
        return unsupported('BCD api.ReadableStream.from_static: Chrome version_added false; measured here on Chromium 156: ReadableStream.from is undefined');
      case 'webkit':
        return unsupported('BCD api.ReadableStream.from_static: Safari version_added false');
      case 'webkitgtk':
        return unsupported(
          'BCD api.ReadableStream.from_static: Safari version_added false; measured here on WebKitGTK 2.50.6: ReadableStream.from is undefined',
        );
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
        return unsupported(
          'measured here on WebKitGTK 2.50.6: no ReadableByteStreamController global, and new ReadableStream({ type: "bytes" }) throws "ReadableByteStreamController is not implemented" (Safari has them from 26.4 per BCD)',
        );
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
