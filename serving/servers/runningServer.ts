// What every server the suite starts hands back, whatever it is (Vite in this process, nginx,
// WebKitWebDriver, Appium): where it answers, and how to stop it and everything it started.
export interface RunningServer {
  /** Absolute, with a trailing slash, on 127.0.0.1. */
  readonly url: string;
  stop(): Promise<void>;
}
