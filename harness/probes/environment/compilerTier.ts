// environment.compilerTier: which of the engine's WebAssembly compilers runs the module's code, as
// far as the page can see. V8 answers directly where its natives syntax is allowed
// (--allow-natives-syntax, which a project pinned to a V8 tier passes), through a module served
// beside the page (_v8Natives.ts: the page's CSP forbids compiling it from a string):
// %IsLiftoffFunction and %IsTurboFanFunction on an exported function after its first call and
// after many. SpiderMonkey and JavaScriptCore tell a page nothing, so every engine also gets two
// timings, each against the same loop in JavaScript, whose compilers no WebAssembly pin touches:
//  - a loop that calls small functions, warm (after many calls): optimizing code runs it about as
//    fast as JavaScript, baseline code about three times slower, an interpreter tens of times;
//  - compiling a module of many functions: an engine that compiles everything with its optimizing
//    compiler before the first call (SpiderMonkey pinned to Ion) takes several times longer than
//    one that starts on its baseline compiler or compiles lazily.
// Each time is the fastest of several, the two loops interleaved, so that a busy machine (two
// projects at once) slows a measurement without skewing the ratio. A report of facts ('info'):
// the spec holds a pinned project to its pin (runner/expectations/tierProof.ts).
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { readSections, readUleb, section, uleb } from '../../wasmEncoding.ts';
import TIER_MODULE from './compilerTier.wat';
import FILLER_MODULE from './compilerTierFiller.wat';
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

/** Calls enough for V8's, SpiderMonkey's and JavaScriptCore's default tiering to have moved a hot function up. */
const WARM_CALLS = 200_000;
/** Turns of one long call: about 10 ms on optimized code here, ten timer steps of the coarsest clock (1 ms). */
const LONG_CALL = 5_000_000;
/** Timed calls of each loop, interleaved; the fastest counts. */
const ROUNDS = 5;
/** Functions in the compiled module: 190 KB, about 5 ms on SpiderMonkey's baseline compiler here, 55 ms on Ion (2026-12-06). */
const FILLER_FUNCTIONS = 2500;
const COMPILES = 3;

/** The JavaScript twin of compilerTier.wat's `calls` (the four functions written inline: a JavaScript JIT inlines them anyway). */
function jsCalls(n: number): number {
  let a = 0;
  let e = 0;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 31) + i) | 0;
    a ^= a >>> 7;
    e = (e * 0.5 + a) * 0.75;
  }
  return a ^ (e | 0);
}

/** compilerTierFiller.wat's one function, FILLER_FUNCTIONS times over. */
function fillerModule(): Uint8Array<ArrayBuffer> {
  const sections = readSections(FILLER_MODULE);
  const types = sections.find((s) => s.id === 1)!;
  const code = sections.find((s) => s.id === 10)!.payload;
  const body = [...code.subarray(readUleb(code, 0).next)]; // after the count (1): the one body, with its size
  const bytes = [
    ...FILLER_MODULE.subarray(0, 8),
    ...section(1, [...types.payload]),
    ...section(3, [...uleb(FILLER_FUNCTIONS), ...new Array<number>(FILLER_FUNCTIONS).fill(0)]),
    ...section(10, [...uleb(FILLER_FUNCTIONS), ...Array.from({ length: FILLER_FUNCTIONS }, () => body).flat()]),
  ];
  return new Uint8Array(bytes);
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export default defineProbe({
  title: "Which compiler runs the module's code",
  needsWebAssembly: true,
  async run() {
    const ask = await v8Natives();
    const v8Tier = (f: unknown): V8Answer | string => (typeof ask === 'string' ? ask : ask(f));
    const fresh = () => new WebAssembly.Instance(new WebAssembly.Module(TIER_MODULE)).exports.calls as Kernel;

    const first = fresh();
    const firstCallMs = timed(() => first(LONG_CALL));
    const afterFirstCall = v8Tier(first);

    const warm = fresh();
    let sink = 0;
    for (let i = 0; i < WARM_CALLS; i++) sink ^= warm(8) ^ jsCalls(8);
    const wasmRuns: number[] = [];
    const jsRuns: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      wasmRuns.push(timed(() => (sink ^= warm(LONG_CALL))));
      jsRuns.push(timed(() => (sink ^= jsCalls(LONG_CALL))));
    }
    const afterWarmCalls = v8Tier(warm);

    const filler = fillerModule();
    const compiles = Array.from({ length: COMPILES }, () => timed(() => new WebAssembly.Module(filler)));

    const callsWarmMs = Math.min(...wasmRuns);
    const jsWarmMs = Math.min(...jsRuns);
    const compileMs = Math.min(...compiles);
    const callsOverJs = callsWarmMs / jsWarmMs;
    const compileOverJs = compileMs / jsWarmMs;
    const v8 = typeof afterWarmCalls === 'string' || typeof afterFirstCall === 'string' ? null : { afterFirstCall, afterWarmCalls };
    const said = (t: V8Answer | string) => (typeof t === 'string' ? t : `Liftoff ${t.liftoff}, TurboFan ${t.turbofan}`);
    return {
      status: 'info',
      detail:
        `${LONG_CALL.toExponential(0)} turns of a loop calling four small functions: warm ${callsWarmMs.toFixed(1)} ms, the same loop in JavaScript ${jsWarmMs.toFixed(1)} ms ` +
        `(${callsOverJs.toFixed(2)}×; first call ${firstCallMs.toFixed(1)} ms); a module of ${FILLER_FUNCTIONS} functions (${filler.length} bytes) compiled in ${compileMs.toFixed(1)} ms ` +
        `(${compileOverJs.toFixed(2)}× the JavaScript loop); V8 natives: ${v8 ? `after the first call ${said(afterFirstCall)}; after ${WARM_CALLS} calls ${said(afterWarmCalls)}` : `unavailable (${said(afterWarmCalls)})`}`,
      data: {
        iterations: LONG_CALL,
        warmCalls: WARM_CALLS,
        firstCallMs,
        callsWarmMs,
        jsWarmMs,
        callsOverJs,
        compileMs,
        compileOverJs,
        fillerFunctions: FILLER_FUNCTIONS,
        fillerBytes: filler.length,
        v8,
        v8Unavailable: v8 ? null : said(afterWarmCalls),
        /** What the loops returned, kept so that no compiler drops them as unused. */
        checksum: sink,
      },
    };
  },
});
