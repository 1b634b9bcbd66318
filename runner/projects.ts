// The Playwright projects, for both configs. playwright.config.ts: the five browser projects
// (chromium, firefox, webkit, pixel5, iphone12) against the primary target, and the serving
// matrix <project>@<target> restricted to the specs a server can change. playwright.appium.config.ts:
// one project per Appium or remote engine, against the primary target.
import { APPIUM_ENGINES } from './engines/appium/index.ts';
import { BROWSER_PROJECTS, type BrowserProject, projectContext } from './engines/browserProjects.ts';
import { resolveEngine } from './engines/engineResolution.ts';
import type { WorkerOptions } from './fixtures.ts';
import type { TargetPlan } from '../serving/targets/plan.ts';
import { SERVING_SPECS, type Target, targetRecord } from '../serving/targets/target.ts';

export interface SuiteProject {
  name: string;
  testMatch?: string[];
  use: Partial<WorkerOptions> & Record<string, unknown>;
}

function browserProject(entry: BrowserProject, target: Target, primary: boolean): SuiteProject {
  const { name, device, engine, emulated, throttle } = entry;
  return {
    name: primary ? name : `${name}@${target.name}`,
    ...(primary ? {} : { testMatch: SERVING_SPECS }),
    use: { ...projectContext(entry), engineChoice: resolveEngine(engine), deviceName: emulated ? device : null, throttle, target: targetRecord(target) },
  };
}

/** The production setup runs on every device; its variants on the desktop engines keep the run short. */
export function browserProjects({ primary, matrix }: TargetPlan): SuiteProject[] {
  return [
    ...BROWSER_PROJECTS.map((d) => browserProject(d, primary, true)),
    ...matrix.flatMap((t) => BROWSER_PROJECTS.filter((d) => t.isolation === 'require-corp' || !d.emulated).map((d) => browserProject(d, t, false))),
  ];
}

export function appiumProjects(target: Target): SuiteProject[] {
  return Object.entries(APPIUM_ENGINES).map(([name, detect]) => {
    const engineChoice = detect();
    return { name, use: { engineChoice, deviceName: 'device' in engineChoice ? engineChoice.device : null, target: targetRecord(target) } };
  });
}
