// One way to start any server (serving/servers/, serving/targets/startTargets.ts): the page is built
// once, every target serves that build on a free loopback port, stop() stops it; a server that
// cannot start fails naming itself and what it printed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { startChildServer } from '../../serving/servers/childServer.ts';
import { startDev } from '../../serving/servers/devServer.ts';
import { nginxTarget } from '../../serving/targets/nginxTarget.ts';
import { previewTarget } from '../../serving/targets/previewTarget.ts';
import { startTargets } from '../../serving/targets/startTargets.ts';

async function get(url: string): Promise<{ status: number; body: string; coep: string | null } | null> {
  try {
    const res = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
    return { status: res.status, body: await res.text(), coep: res.headers.get('Cross-Origin-Embedder-Policy') };
  } catch {
    return null;
  }
}

test('the targets of a run serve one build, each on a free port, with its own isolation, until stopped', {
  skip: !existsSync('/usr/sbin/nginx') && 'nginx is not installed (scripts/setup.sh installs it)',
}, async () => {
  const lines: string[] = [];
  const started = await startTargets([previewTarget(), nginxTarget('credentialless')], (line) => lines.push(line));
  try {
    // One build for every target: made now, or copied from an earlier run's (harness/harnessBuildCache.ts).
    assert.equal(lines.filter((l) => /^(built the harness once|copied the harness build of an earlier run)/.test(l)).length, 1, lines.join('\n'));
    const preview = await get(started.urls.preview!);
    const nginx = await get(started.urls.credentialless!);
    assert.notEqual(new URL(started.urls.preview!).port, new URL(started.urls.credentialless!).port);
    assert.equal(preview?.status, 200);
    assert.equal(nginx?.status, 200);
    assert.equal(preview?.body, nginx?.body, 'both serve the same build of the page');
    assert.equal(preview?.coep, 'require-corp');
    assert.equal(nginx?.coep, 'credentialless');
  } finally {
    await started.stop();
  }
  assert.equal(await get(started.urls.preview!), null, 'preview stopped');
  assert.equal(await get(started.urls.credentialless!), null, 'nginx stopped');
});

test('the dev server starts in this process with the serving headers, and stops', async () => {
  const server = await startDev({ isolation: 'require-corp' });
  try {
    const page = await get(server.url);
    assert.equal(page?.status, 200);
    assert.equal(page?.coep, 'require-corp');
  } finally {
    await server.stop();
  }
  assert.equal(await get(server.url), null);
});

test('a server that exits before answering fails, naming itself and its output', async () => {
  await assert.rejects(
    startChildServer({
      name: 'broken-server',
      command: process.execPath,
      args: ['-e', 'console.error("no config here"); process.exit(3)'],
      url: 'http://127.0.0.1:9/',
    }),
    /broken-server exited \(3\) before answering on http:\/\/127\.0\.0\.1:9\/: no config here/,
  );
});

test('a server that never answers fails at its deadline, and is stopped', async () => {
  await assert.rejects(
    startChildServer({
      name: 'silent-server',
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      url: 'http://127.0.0.1:9/',
      timeoutMs: 1_000,
    }),
    /silent-server did not answer on http:\/\/127\.0\.0\.1:9\/ within 1000 ms/,
  );
});
