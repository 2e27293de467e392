import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verify } from '@oriva/webhook-verify';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ADMIN = 'crash-test-admin-token-0123456789';

/** The real server binary in its own process, so it can be killed for real. */
async function startServerProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/bin.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ORIVA_PORT: String(port),
      ORIVA_HOST: '127.0.0.1',
      ORIVA_DATA_DIR: dataDir,
      ORIVA_DEV: '1',
      ORIVA_ADMIN_TOKEN: ADMIN,
      ORIVA_RATE_LIMITS: 'off',
      ORIVA_LOG_LEVEL: 'warn',
      // 5 ms, 10 ms, 20 ms … : ten retries fit in ~5 s, so however slow the first phase runs under load,
      // deliveries are neither exhausted before the crash nor scheduled past the test's deadline after it.
      ORIVA_WEBHOOK_BACKOFF_SCALE: '0.005',
      // Those quick retries all fail until the crash: on a loaded machine the first phase lasts long enough for
      // 100 of them, the default threshold that disables the webhook, and then nothing is delivered after it.
      ORIVA_WEBHOOK_DISABLE_AFTER: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('a crash while deliveries are pending', () => {
  it('delivers every acknowledged event after SIGKILL and a restart, with stable webhook-ids', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oriva-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // The receiver fails everything until the crash, then accepts.
    let accepting = false;
    const received = new Map<string, number>();
    let secret = '';
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (!accepting) {
          res.writeHead(500).end();
          return;
        }
        const event = verify(Buffer.concat(chunks).toString('utf8'), req.headers, secret) as { id: string };
        received.set(event.id, (received.get(event.id) ?? 0) + 1);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(resolve)));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const first = await startServerProcess(dataDir, port);
    cleanups.push(() => first.kill('SIGKILL'));
    const app = await (
      await fetch(`${base}/apps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ app_id: 'crashy', name: 'Crashy' }),
      })
    ).json();
    const key = (app as { api_key: { key: string } }).api_key.key;
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const webhook = await (
      await fetch(`${base}/apps/crashy/webhooks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          webhook_url: receiverUrl,
          subscribed_events: ['*'],
          max_retries: 10,
          retry_backoff_seconds: 1,
        }),
      })
    ).json();
    secret = (webhook as { webhook_secret: string }).webhook_secret;

    const acknowledged: string[] = [];
    for (let index = 0; index < 25; index++) {
      const response = await fetch(`${base}/apps/crashy/events`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          event_category: 'task',
          event_type: 'created',
          entity_type: 'task',
          entity_id: `t${index}`,
          user_id: 'u1',
        }),
      });
      expect(response.status).toBe(200);
      acknowledged.push(((await response.json()) as { event_id: string }).event_id);
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    accepting = true;
    const second = await startServerProcess(dataDir, port);
    cleanups.push(() => second.kill('SIGKILL'));
    const deadline = Date.now() + 20_000;
    while (received.size < acknowledged.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect([...received.keys()].sort()).toEqual([...acknowledged].sort());
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
  }, 60_000);
});
