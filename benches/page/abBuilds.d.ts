// Types of the module benches/page/abBuildsPlugin.ts makes for the A/B page.
declare module 'virtual:wasm-compat-ab-builds' {
  import type { BenchSuite, CrateModule, TwinsModule } from '../suites/types.ts';
  interface PageBuild {
    crate: CrateModule;
    wasmUrl: string;
    twins: TwinsModule | null;
    /** This build's copy of every suite, in benches/suites/index.ts's order. */
    suites: BenchSuite[];
  }
  export const builds: { A: PageBuild; B: PageBuild };
}
