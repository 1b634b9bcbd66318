// What each non-feature probe should report, per engine and per serving setup. Default: 'pass'.
// Feature probes are decided by features.ts. Each exception names its source.
import type { Isolation } from '../../deploy/headerPolicy.ts';
import { compilesDuringDownload, crossOriginIsolatedUnder, notObserved, webKitGtkThreadsObserved } from './engineBehaviour.ts';
import type { EngineInfo } from '../drivers/driver.ts';
import { engineKey, type EngineKey } from './engineKey.ts';

export type { Isolation };

export interface ExpectationContext {
  engine: EngineKey;
  version: string;
  /** The browser's platform from the engine record (EngineInfo.platform: "Linux x86_64", "MacIntel", "mac", "iOS"), never Node's; absent where the record has none. */
  platform?: string;
  /** How the target serves the page: COEP require-corp or credentialless (isolated), or not isolated. */
  isolation: Isolation;
}

export interface ProbeExpectation {
  /** 'recorded': what the probe saw is kept as a fact in this engine, not judged, because the probe cannot decide there (the why says so). */
  status: 'pass' | 'unsupported' | 'recorded';
  why: string;
}

/** What one probe should report in one engine and serving setup. A subject's probes folder may export more (expectations.ts). */
export type Rule = (ctx: ExpectationContext) => ProbeExpectation;

/** The context an engine record and a target's isolation give every expectation. */
export function expectationContext(engine: EngineInfo, isolation: Isolation): ExpectationContext {
  return { engine: engineKey(engine), version: engine.version, platform: engine.platform, isolation };
}

/** Where each engine documents compiling a module while its bytes arrive. */
const STREAMING_COMPILERS: Partial<Record<EngineKey, string>> = {
  chromium: 'V8 compiles each function as its bytes arrive since V8 6.5 / Chrome 65 (v8.dev/blog/v8-release-65, "WebAssembly streaming compilation")',
  firefox:
    "SpiderMonkey's streaming and tiering compiler since Firefox 58 (hacks.mozilla.org/2018/01/making-webassembly-even-faster-firefoxs-new-streaming-and-tiering-compiler)",
  webkit: "JavaScriptCore's Wasm::StreamingCompiler (WebKit Source/JavaScriptCore/wasm/WasmStreamingCompiler.cpp, 2021)",
  webkitgtk: "JavaScriptCore's Wasm::StreamingCompiler (WebKit Source/JavaScriptCore/wasm/WasmStreamingCompiler.cpp, 2021); observed here on WebKitGTK 2.50",
};

const RULES: Record<string, Rule> = {
  // 'unsupported' only where the API is missing (the probe says so itself). An engine that streams
  // but finishes after the download reports 'fail' (data.outcome 'no-saving'), so every engine the
  // probe can decide is expected to pass: one that stops overlapping fails, by name. Where the server
  // does not trickle (a deployment), the probe records 'info', "not measured"; where the saving is
  // too small to decide, 'info', "inconclusive" (docs/streaming.md). Chromium's is recorded (below).
  'loading.compileDuringDownload': (ctx) => {
    // V8 compiles lazily: what streaming saves after the last byte is small beside the fixed cost of
    // instantiating, and its shares fell on both sides of any line, unmodified (0.09 to 1.59 under
    // load) and under the read-then-compile shim (0.62 to 2.42). Recorded, not judged, until the
    // probe has work that is real after the last byte for V8 (eager compilation gave 0.11: docs/streaming.md).
    if (ctx.engine === 'chromium')
      return {
        status: 'recorded',
        why: 'V8 compiles lazily, so the paired after-last-byte times do not decide whether it overlaps (docs/streaming.md): recorded, not judged',
      };
    const overlaps = compilesDuringDownload(ctx.engine, ctx.version);
    const compiler = STREAMING_COMPILERS[ctx.engine] ?? `no streaming compiler of ${ctx.engine} is documented in runner/expectations/probes.ts`;
    if (overlaps === undefined) return { status: 'pass', why: `${compiler}; but ${notObserved(ctx.engine, ctx.version, 'compilation during the download')}` };
    return { status: 'pass', why: `${compiler}; observed here (runner/expectations/engineBehaviour.ts, docs/streaming.md)` };
  },

  // Shared memory reaches a worker only in a cross-origin isolated page (HTML spec, "cross-origin
  // isolated capability"); the serving matrix runs both kinds.
  'serving.threads': (ctx) => {
    if (ctx.isolation === 'none') return { status: 'unsupported', why: 'the target is served without COOP/COEP, so no SharedArrayBuffer for workers' };
    const isolated = crossOriginIsolatedUnder(ctx.engine, ctx.isolation, ctx.version);
    if (isolated === undefined) return { status: 'pass', why: notObserved(ctx.engine, ctx.version, `isolation under COEP ${ctx.isolation}`) };
    if (!isolated)
      return { status: 'unsupported', why: `this engine does not isolate a page served with COEP ${ctx.isolation} (runner/expectations/engineBehaviour.ts)` };
    // Observed here on WebKitGTK 2.50 (2026-11-27): isolated, yet posting a shared WebAssembly.Memory
    // or its buffer to a worker throws DataCloneError, so wasm threads cannot work in it. The serving
    // spec holds it to that route (WEBKITGTK_THREADS_REFUSAL); other versions are unknown.
    if (ctx.engine === 'webkitgtk') {
      if (!webKitGtkThreadsObserved(ctx.version))
        return { status: 'pass', why: notObserved(ctx.engine, ctx.version, 'wasm threads (shared memory posted to a worker)') };
      return { status: 'unsupported', why: 'WebKitGTK 2.50 refuses to post shared memory to a worker (DataCloneError), even isolated (docs/toolchain.md)' };
    }
    return { status: 'pass', why: `the target is cross-origin isolated (COEP ${ctx.isolation})` };
  },
};

export function expectedProbe(id: string, ctx: ExpectationContext, subjectRules: Record<string, Rule> = {}): ProbeExpectation {
  return (RULES[id] ?? subjectRules[id])?.(ctx) ?? { status: 'pass', why: 'every engine the suite supports must pass this probe' };
}
