// Serving: what the server does to the page and its .wasm, checked twice.
// - From Node, on raw responses: the MIME type of every .wasm, COOP/COEP as the target declares,
//   CORP, CSP, nosniff, Referrer-Policy, no server version, caching, CORS, and each encoding
//   negotiated per Accept-Encoding decompressing to the built bytes (SHA-256 from build-info.json).
// - In the browser, on what this engine received: the serving.* probes (MIME type, integrity,
//   security headers, threads) against their expectations, and COOP/COEP, caching and compression
//   as this engine saw them.
// The expectations come from the target's declared profile (serving/targets/), never from the page.
import type { HeaderGetter } from '../../deploy/headerRules.ts';
import { immutableFinding, isolationFindings, revalidateFinding } from '../../deploy/headerRules.ts';
import { HASHED_ASSET } from '../../deploy/headerPolicy.ts';
import { assertProbes, type DataCheck } from '../../runner/assertProbes.ts';
import { crossOriginIsolatedUnder, WEBKITGTK_THREADS_REFUSAL } from '../../runner/expectations/engineBehaviour.ts';
import { engineKey } from '../../runner/expectations/engineKey.ts';
import { expect, readsHarnessLoad, test } from '../../runner/fixtures.ts';
import { recordFindings } from '../../runner/testRecord.ts';
import { checkDeployment } from '../../serving/checks/checkDeployment.ts';

readsHarnessLoad();

test('Serving from Node: every .wasm as application/wasm and intact; isolation, security, caching, CORS and compression headers', async ({
  harnessUrl,
  target,
}, testInfo) => {
  testInfo.annotations.push({ type: 'target', description: target.description });
  const findings = await checkDeployment(harnessUrl, target.serving);
  await recordFindings(testInfo, findings);
  for (const f of findings) {
    await test.step(`${f.subject}: ${f.check} ${f.ok ? 'ok' : 'FAILED'}`, () => {
      expect.soft(f.ok, `${f.message} [${target.name}: ${harnessUrl}]`).toBe(true);
    });
  }
  // A deployment that served nothing checkable must not pass by having nothing to check.
  expect(findings.filter((f) => f.check === 'content-type').length, 'files whose type was checked').toBeGreaterThanOrEqual(3);
});

test('Serving in the browser: .wasm type and integrity, security headers, isolation, compression, threads', async ({
  harness,
  engine,
  harnessUrl,
  target,
}, testInfo) => {
  const where = `${engine.engine} ${engine.version}`;
  // COOP/COEP, caching and compression as this engine received them: judged here, and recorded as serving.headers' verdict.
  const headers: DataCheck = (result) => {
    const data = result.data as
      | {
          page: { headers: Record<string, string | null> };
          /** null: the subject builds no .wasm (a library crate), so only the page's headers were seen. */
          wasm: { headers: Record<string, string | null>; timing: { encodedBodySize: number; decodedBodySize: number } | null } | null;
          wasmPath: string | null;
        }
      | undefined;
    if (!data) return [`serving.headers reported nothing of what ${where} received`];
    const get =
      (seen: Record<string, string | null>): HeaderGetter =>
      (name) =>
        seen[name] ?? null;
    const pageFindings = [...isolationFindings(get(data.page.headers), target.isolation, 'the page'), revalidateFinding(get(data.page.headers), 'the page')];
    const failures = pageFindings.filter((f) => !f.ok).map((f) => `${f.message} (as ${where} received it)`);
    const { wasm, wasmPath } = data;
    if (!wasm || !wasmPath) return failures;
    const wasmHashed = target.serving.hashedAssets && HASHED_ASSET.test(new URL(wasmPath, harnessUrl).pathname);
    const caching = (wasmHashed ? immutableFinding : revalidateFinding)(get(wasm.headers), wasmPath);
    if (!caching.ok) failures.push(`${caching.message} (as ${where} received it)`);
    if (target.serving.encodings.length > 0) {
      // Content-Encoding as the browser saw it; where an engine hides it, Resource Timing's sizes tell.
      const encoding = wasm.headers['Content-Encoding'];
      const timing = wasm.timing;
      const compressed = encoding
        ? (target.serving.encodings as string[]).includes(encoding)
        : !!timing && timing.encodedBodySize > 0 && timing.encodedBodySize < timing.decodedBodySize;
      if (!compressed)
        failures.push(
          `${wasmPath} reached ${where} with Content-Encoding ${encoding ?? 'none'} (${timing ? `${timing.encodedBodySize} bytes for ${timing.decodedBodySize}` : 'no timing'}), want one of ${target.serving.encodings.join(', ')}`,
        );
    }
    return failures;
  };
  // Isolated WebKitGTK 2.50 refused threads by one route only, posting shared memory to a worker
  // (DataCloneError); unsupported by any other route is something new, not that.
  const isolated = crossOriginIsolatedUnder(engineKey(engine), target.isolation, engine.version) === true;
  const threads: DataCheck = (result) =>
    engineKey(engine) === 'webkitgtk' &&
    isolated &&
    result.status === 'unsupported' &&
    !WEBKITGTK_THREADS_REFUSAL.test(String(result.data?.postMessageError ?? ''))
      ? [`unsupported by another route than the DataCloneError observed on isolated WebKitGTK 2.50: ${result.detail}`]
      : [];
  const verdicts = await assertProbes(harness, engine, testInfo, {
    category: 'serving',
    isolation: target.isolation,
    checks: { 'serving.headers': headers, 'serving.threads': threads },
  });
  expect(
    verdicts.some((v) => v.id === 'serving.headers'),
    `serving.headers reported in ${where}`,
  ).toBe(true);
});
