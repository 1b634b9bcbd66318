// environment.compilerTier: which of the engine's WebAssembly compilers runs a function, as far as
// the page can see. V8 answers directly where its natives syntax is allowed (--allow-natives-syntax,
// which a project pinned to a tier passes: runner/engines/registry/chromium.ts), through a module
// served beside the page (_v8Natives.ts: the page's CSP forbids compiling it from a string): %IsLiftoffFunction
// and %IsTurboFanFunction on an exported function after its first call and after many. Every
// engine also gets the time of one long call, first and warm: a baseline compiler or an
// interpreter shows in it. A report of facts ('info'): the spec holds a pinned project to its pin.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import TIER_MODULE from './compilerTier.wat';
import { V8_NATIVES_FILE } from './_v8Natives.ts';

type V8Answer = { liftoff: boolean; turbofan: boolean };

/** V8's question, from the module served beside the page (_v8Natives.ts), or why there is none: without --allow-natives-syntax, or outside V8, it does not parse. */
async function v8Natives(): Promise<((f: unknown) => V8Answer) | string> {
  try {
    const url = new URL(V8_NATIVES_FILE, document.baseURI).href;
    const natives = (await import(/* @vite-ignore */ url)) as { v8Tier: (f: unknown) => V8Answer };
    return natives.v8Tier;
  } catch (error) {
    return describeError(error);
  }
}

/** Calls enough for V8's default tiering to have moved a hot function up (it did by 1e5 here, Chromium 156). */
const WARM_CALLS = 200_000;
/** Iterations of one long call: tens of milliseconds, so a slower compiler shows well above the timer's step. */
const LONG_CALL = 20_000_000;

export default defineProbe({
  title: "Which compiler runs the module's code",
  needsWebAssembly: true,
  async run() {
    const ask = await v8Natives();
    const v8Tier = (f: unknown): V8Answer | string => (typeof ask === 'string' ? ask : ask(f));
    const { exports } = await WebAssembly.instantiate(new WebAssembly.Module(TIER_MODULE));
    const mix = exports.mix as (n: number) => number;
    const started = performance.now();
    mix(LONG_CALL);
    const firstCallMs = performance.now() - started;
    const afterFirstCall = v8Tier(mix);
    for (let i = 0; i < WARM_CALLS; i++) mix(8);
    const warmStarted = performance.now();
    mix(LONG_CALL);
    const warmCallMs = performance.now() - warmStarted;
    const afterWarmCalls = v8Tier(mix);
    const v8 = typeof afterWarmCalls === 'string' || typeof afterFirstCall === 'string' ? null : { afterFirstCall, afterWarmCalls };
    const said = (t: V8Answer | string) => (typeof t === 'string' ? t : `Liftoff ${t.liftoff}, TurboFan ${t.turbofan}`);
    return {
      status: 'info',
      detail: `${LONG_CALL.toExponential(0)} iterations: first call ${firstCallMs.toFixed(1)} ms, after ${WARM_CALLS} calls ${warmCallMs.toFixed(1)} ms; V8 natives: ${v8 ? `after the first call ${said(afterFirstCall)}; after ${WARM_CALLS} calls ${said(afterWarmCalls)}` : `unavailable (${said(afterWarmCalls)})`}`,
      data: { firstCallMs, warmCallMs, warmCalls: WARM_CALLS, iterations: LONG_CALL, v8, v8Unavailable: v8 ? null : said(afterWarmCalls) },
    };
  },
});
