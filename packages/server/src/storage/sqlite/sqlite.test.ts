import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { describeStorageContract } from '../storage-contract.js';
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
    await first.createApp(
      { app_id: 'a1', name: 'A', icon_url: null, created_at: at, updated_at: at },
      issueApiKey('a1', null, at).record,
    );
    await first.close();

    const second = openSqliteStorage(file);
    expect((await second.getApp('a1'))?.name).toBe('A');
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
    await first.createApp(
      { app_id: 'a1', name: 'A', icon_url: null, created_at: at, updated_at: at },
      issueApiKey('a1', null, at).record,
    );
    await first.insertEvents([event('evt_a'), event('evt_b')]);
    const head = await first.headPosition();
    const pruned = await first.pruneBefore(new Date(Date.now() + 60_000).toISOString(), 100);
    expect(pruned.events).toBe(2);
    await first.close();

    const second = openSqliteStorage(file);
    await second.insertEvents([event('evt_c')]);
    expect(await second.headPosition()).toBe(head + 1);
    await second.close();
  });
});
