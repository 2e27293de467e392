import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { describeStorageContract } from '../contract/index.js';
import { openSqliteStorage } from './index.js';
import { migrations } from './migrations/index.js';

const dir = mkdtempSync(join(tmpdir(), 'oriva-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

describeStorageContract('sqlite', async () => openSqliteStorage(join(dir, `contract-${counter++}.db`)));

describe('sqlite adapter', () => {
  it('finishes close() in a process with nothing else to do (the checkpointer thread must not cut it short)', () => {
    const script = join(dir, 'close.mts');
    const adapter = fileURLToPath(new URL('./index.ts', import.meta.url));
    writeFileSync(
      script,
      `import { openSqliteStorage } from ${JSON.stringify(adapter)};\nconst storage = openSqliteStorage(${JSON.stringify(join(dir, 'close.db'))});\nawait storage.close();\nconsole.log('closed');\n`,
    );
    const root = fileURLToPath(new URL('../../../../../', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
  });

  it('applies migrations once, in WAL mode, and keeps data across reopen', async () => {
    const file = join(dir, 'reopen.db');
    const at = new Date().toISOString();
    const first = openSqliteStorage(file);
    await first.apps.create(
      { app_id: 'a1', name: 'A', icon_url: null, undeclared_types: 'allow', created_at: at, updated_at: at },
      issueApiKey('a1', null, at).record,
    );
    await first.close();

    const second = openSqliteStorage(file);
    expect((await second.apps.get('a1'))?.name).toBe('A');
    await second.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'apps',
        'api_keys',
        'platform_events',
        'platform_notifications',
        'notification_state',
        'app_webhooks',
        'webhook_delivery_log',
        'idempotency_keys',
      ]),
    );
    raw.close();
  });

  it('holds idempotency reservations in memory: duplicates in one turn get one, only responses reach the file', async () => {
    const file = join(dir, 'idempotency.db');
    const at = new Date().toISOString();
    const first = openSqliteStorage(file);
    // Ten duplicates in the same turn all miss the table; exactly one may run.
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => first.idempotency.reserve('app:a', 'k', 'h', at)),
    );
    expect(claims.filter((claim) => claim.reserved)).toHaveLength(1);
    for (const claim of claims.filter((c) => !c.reserved)) {
      expect(claim).toEqual({ reserved: false, existing: { request_hash: 'h', status: null, response_body: null } });
    }
    await first.idempotency.complete('app:a', 'k', 201, '{"id":1}');
    expect((await first.idempotency.reserve('app:b', 'running', 'h', at)).reserved).toBe(true);
    // Erasing a scope frees its running keys too, and their responses are then not remembered.
    expect((await first.idempotency.reserve('user:u1', 'erased', 'h', at)).reserved).toBe(true);
    await first.users.erase('u1', 'user:u1');
    await first.idempotency.complete('user:u1', 'erased', 201, '{"id":2}');
    await first.close();

    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT scope, key, status FROM idempotency_keys ORDER BY scope').all();
    raw.close();
    expect(rows).toEqual([{ scope: 'app:a', key: 'k', status: 201 }]);

    // After a restart the stored response is replayed; a request that never finished runs again.
    const second = openSqliteStorage(file);
    expect(await second.idempotency.reserve('app:a', 'k', 'h', at)).toEqual({
      reserved: false,
      existing: { request_hash: 'h', status: 201, response_body: '{"id":1}' },
    });
    expect((await second.idempotency.reserve('app:b', 'running', 'h', at)).reserved).toBe(true);
    expect((await second.idempotency.reserve('user:u1', 'erased', 'h', at)).reserved).toBe(true);
    await second.close();
  });

  it('never reuses a position, even after retention deleted every event and the file was reopened', async () => {
    const file = join(dir, 'positions.db');
    const at = new Date().toISOString();
    const event = (id: string) => ({
      id,
      app_id: 'a1',
      user_id: null,
      event_category: 'task',
      event_type: 'created',
      entity_type: 'task',
      entity_id: id,
      event_data: '{}',
      timestamp: at,
      ip_address: null,
      user_agent: null,
    });
    const first = openSqliteStorage(file);
    await first.apps.create(
      { app_id: 'a1', name: 'A', icon_url: null, undeclared_types: 'allow', created_at: at, updated_at: at },
      issueApiKey('a1', null, at).record,
    );
    await first.events.insert([event('evt_a'), event('evt_b')]);
    const head = await first.events.head();
    const pruned = await first.jobs.pruneBefore(new Date(Date.now() + 60_000).toISOString(), 100);
    expect(pruned.events).toBe(2);
    await first.close();

    const second = openSqliteStorage(file);
    await second.events.insert([event('evt_c')]);
    expect(await second.events.head()).toBe(head + 1);
    await second.close();
  });

  const walTestBatch = (round: number, at: string) =>
    Array.from({ length: 200 }, (_, index) => ({
      id: `evt_${String(round).padStart(5, '0')}${String(index).padStart(4, '0')}`,
      app_id: 'a1',
      user_id: `user_${index % 50}`,
      event_category: 'task',
      event_type: 'created',
      entity_type: 'task',
      entity_id: `task_${round}_${index}`,
      event_data: JSON.stringify({ padding: 'x'.repeat(200) }),
      timestamp: at,
      ip_address: null,
      user_agent: null,
    }));
  const openWalTest = async (name: string, walLimitBytes: number) => {
    const file = join(dir, name);
    const at = new Date().toISOString();
    const storage = openSqliteStorage(file, { walLimitBytes });
    await storage.apps.create(
      { app_id: 'a1', name: 'A', icon_url: null, undeclared_types: 'allow', created_at: at, updated_at: at },
      issueApiKey('a1', null, at).record,
    );
    return { file, storage, batch: (round: number) => walTestBatch(round, at) };
  };

  it('keeps the WAL bounded under sustained writes: past its limit, writes wait for the checkpoint to catch up', async () => {
    const walLimitBytes = 1024 * 1024;
    const { file, storage, batch } = await openWalTest('wal-bound.db', walLimitBytes);
    // ~50 MB of WAL frames in all, written back to back by four writers as a busy server would.
    let round = 0;
    let largestWal = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (round < 400) {
          await storage.events.insert(batch(round++));
          largestWal = Math.max(largestWal, statSync(`${file}-wal`).size);
        }
      }),
    );
    expect((await storage.events.list({ app_id: 'a1', limit: 1, offset: 0 })).total).toBe(400 * 200);
    await storage.close();
    // The limit is checked between flushes from the checkpointer's last report, so the file may pass it
    // by what is written meanwhile (more on a loaded machine, where the report comes late: 9 MB was
    // seen), never by the whole run's 50 MB.
    expect(largestWal).toBeLessThan(16 * walLimitBytes);
  });

  it('does not hold writes for long when another process pins the WAL with an open read', async () => {
    const walLimitBytes = 256 * 1024;
    const { file, storage, batch } = await openWalTest('wal-pinned.db', walLimitBytes);
    await storage.events.insert(batch(0));
    const reader = new Database(file, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM platform_events').get();
    try {
      const started = Date.now();
      for (let round = 1; round <= 10; round++) await storage.events.insert(batch(round));
      // One catch-up gives up after a second; the next is not tried for ten.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await storage.events.list({ app_id: 'a1', limit: 1, offset: 0 })).total).toBe(11 * 200);
    } finally {
      reader.prepare('COMMIT').run();
      reader.close();
      await storage.close();
    }
  });
});
