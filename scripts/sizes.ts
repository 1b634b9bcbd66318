// npm run sizes: the subject's .wasm raw, gzip and brotli as built and at every wasm-opt level of
// build/optimize-wasm.sh, each level run on its own copy of the build (the subject's pkg is not
// touched). Each level leaves <reports>/size/optimize-<level>.json; the table goes to
// <reports>/size/levels.json and the screen.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildInfo, readBuildInfo } from '../build/buildInfo.ts';
import type { WasmSizes } from '../build/wasmSizes.ts';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import { ensureSubjectBuilt } from '../subject/buildSubject.ts';
import { describeSubject, resolveSubject, SubjectError, subjectWasm } from '../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { childEnvironment } from '../settings/environment.ts';

const LEVELS = ['minimal', 'standard', 'aggressive', 'size'] as const;

async function main(): Promise<number> {
  const subject = resolveSubject();
  await ensureSubjectBuilt(subject, (line) => console.error(`sizes: ${line}`));
  const { file } = subjectWasm(subject);
  const built = readBuildInfo(subject.pkgDir).wasm.find((w) => w.file === file) as (BuildInfo['wasm'][number] & { original?: WasmSizes }) | undefined;
  if (!built) throw new SubjectError(`${subject.pkgDir}/build-info.json lists no ${file}`);
  const rows: Array<{ level: string } & Omit<WasmSizes, 'sha256'>> = [{ level: 'as built', ...(built.original ?? built) }];
  for (const level of LEVELS) {
    const copy = mkdtempSync(join(tmpdir(), `wasm-compat-size-${level}-`));
    try {
      cpSync(subject.pkgDir, copy, { recursive: true });
      const run = spawnSync('bash', [join(PROJECT_ROOT, 'build', 'optimize-wasm.sh'), level], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: childEnvironment({ PKG_DIR: copy, SKIP_TESTS: '1' }),
      });
      if (run.status !== 0) {
        console.error(`sizes: wasm-opt at level ${level} failed:\n${run.stderr.trim().split('\n').slice(-8).join('\n')}`);
        return 1;
      }
      const after = (JSON.parse(readFileSync(join(copy, 'build-info.json'), 'utf8')) as BuildInfo).wasm.find((w) => w.file === file)!;
      rows.push({ level, bytes: after.bytes, gzip: after.gzip, brotli: after.brotli });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  console.log(`${describeSubject(subject)}: ${file}\n`);
  console.log(`${'level'.padEnd(10)} ${'bytes'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
  for (const r of rows) console.log(`${r.level.padEnd(10)} ${String(r.bytes).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`);
  const out = reportPath('size', 'levels.json');
  writeJsonAtomic(out, { subject: { name: subject.name, version: subject.version }, file, measuredAt: new Date().toISOString(), levels: rows });
  console.log(`\nsizes: ${out}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof SubjectError)) throw error;
  console.error(`wasm-compat: ${error.message}`);
  process.exitCode = 1;
}
