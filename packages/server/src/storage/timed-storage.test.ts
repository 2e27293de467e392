import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../auth/api-keys.js';
import { app, at, event } from './contract/records.test-support.js';
import { openSqliteStorage } from './sqlite/index.js';
import { withQueryTiming } from './timed-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'oriva-timed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withQueryTiming', () => {
  it('times each port call under its port and method, and counts the ones that fail', async () => {
    const calls: Array<{ operation: string; seconds: number; failed: boolean }> = [];
    const storage = withQueryTiming(openSqliteStorage(join(dir, 'timed.db')), (operation) => {
      return (seconds, failed) => calls.push({ operation, seconds, failed });
    });
    try {
      await storage.apps.create(app('a1'), issueApiKey('a1', null, at).record);
      await storage.events.insert([event('a1')]);
      // An event of an app that does not exist breaks a foreign key: the call fails and is still timed.
      await expect(storage.events.insert([event('no-such-app')])).rejects.toThrow();
      await storage.ping();

      expect(calls.map(({ operation, failed }) => [operation, failed])).toEqual([
        ['apps.create', false],
        ['events.insert', false],
        ['events.insert', true],
        ['ping', false],
      ]);
      for (const { seconds } of calls) expect(seconds).toBeGreaterThanOrEqual(0);
      // What is not a query passes through untouched and unmeasured: registering a listener.
      const stop = storage.events.onCommitted(() => undefined);
      stop();
      expect(calls).toHaveLength(4);
      expect(storage.kind).toBe('sqlite');
    } finally {
      await storage.close();
    }
  });
});
