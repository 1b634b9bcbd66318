// environment.compilerTier: which of the engine's WebAssembly compilers runs the module's code, as
// far as the page can see. V8 answers directly where its natives syntax is allowed
// (--allow-natives-syntax, which a project pinned to a V8 tier passes), through a module served
// beside the page (_v8Natives.ts: the page's CSP forbids compiling it from a string):
// %IsLiftoffFunction and %IsTurboFanFunction on an exported function after its first call and
// after many. Every engine also gets the time of a long call, first and warm (the median of three
// functions' first calls, and of three calls of a warmed one): under default tiering a first call
// runs baseline code and a warm one optimized code, while an engine pinned to one compiler runs both
// alike. A report of facts ('info'): the spec holds a pinned project to its pin (tierProof.ts).
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import TIER_MODULE from './compilerTier.wat';
import { V8_NATIVES_FILE } from './_v8Natives.ts';

type V8Answer = { liftoff: boolean; turbofan: boolean };
type Kernel = (n: number) => number;

/** V8's question, from the module served beside the page, or why there is none: without --allow-natives-syntax, or outside V8, it does not parse. */
async function v8Natives(): Promise<((f: unknown) => V8Answer) | string> {
  try {
    const url = new URL(V8_NATIVES_FILE, document.baseURI).href;
    const natives = (await import(/* @vite-ignore */ url)) as { v8Tier: (f: unknown) => V8Answer };
    return natives.v8Tier;
  } catch (error) {
    return describeError(error);
  }
}

/** Calls enough for V8's and SpiderMonkey's default tiering to have moved a hot function up. */
const WARM_CALLS = 200_000;
/** Iterations of one long call: about 10 ms optimized here, far above any engine's timer step. */
const LONG_CALL = 5_000_000;

function timed(f: Kernel): number {
  const started = performance.now();
  f(LONG_CALL);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export default defineProbe({
  title: "Which compiler runs the module's code",
  needsWebAssembly: true,
  async run() {
    const ask = await v8Natives();
    const v8Tier = (f: unknown): V8Answer | string => (typeof ask === 'string' ? ask : ask(f));
    const { exports } = await WebAssembly.instantiate(new WebAssembly.Module(TIER_MODULE));
    const [a, b, c, warm] = (['first_a', 'first_b', 'first_c', 'warm'] as const).map((name) => exports[name] as Kernel);
    const firstCallMs = median([timed(a!), timed(b!), timed(c!)]);
    const afterFirstCall = v8Tier(a);
    for (let i = 0; i < WARM_CALLS; i++) warm!(8);
    const warmCallMs = median([timed(warm!), timed(warm!), timed(warm!)]);
    const afterWarmCalls = v8Tier(warm);
    const v8 = typeof afterWarmCalls === 'string' || typeof afterFirstCall === 'string' ? null : { afterFirstCall, afterWarmCalls };
    const said = (t: V8Answer | string) => (typeof t === 'string' ? t : `Liftoff ${t.liftoff}, TurboFan ${t.turbofan}`);
    const firstOverWarm = firstCallMs / warmCallMs;
    return {
      status: 'info',
      detail: `${LONG_CALL.toExponential(0)} iterations: first calls ${firstCallMs.toFixed(1)} ms, warm ${warmCallMs.toFixed(1)} ms (first/warm ${firstOverWarm.toFixed(2)}); V8 natives: ${v8 ? `after the first call ${said(afterFirstCall)}; after ${WARM_CALLS} calls ${said(afterWarmCalls)}` : `unavailable (${said(afterWarmCalls)})`}`,
      data: { firstCallMs, warmCallMs, firstOverWarm, warmCalls: WARM_CALLS, iterations: LONG_CALL, v8, v8Unavailable: v8 ? null : said(afterWarmCalls) },
    };
  },
});
