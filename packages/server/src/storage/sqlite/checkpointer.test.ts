import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('WAL catch-up', () => {
  it('past the limit, lets writes go on for one checkpoint before pausing them, then settles once every frame is copied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oriva-checkpointer-'));
    dirs.push(dir);
    const file = join(dir, 'wal.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const limit = 256 * 1024;
    for (let i = 0; i < 400; i++) insert.run('x'.repeat(2_000));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(limit);
    const checkpointer = startCheckpointer(file);
    try {
      // The first look past the limit asks for a checkpoint and does not hold the write up.
      expect(checkpointer.catchUpIfOver(limit)).toBeUndefined();
      // Once that checkpoint has reported, the next write waits for the rest to be copied.
      let pause: Promise<void> | undefined;
      const deadline = Date.now() + 5_000;
      while (pause === undefined && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        pause = checkpointer.catchUpIfOver(limit);
      }
      expect(pause).toBeInstanceOf(Promise);
      await pause;
      // Caught up: the write after it goes ahead (and starts the WAL over).
      expect(checkpointer.catchUpIfOver(limit)).toBeUndefined();
      const [log] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      expect(log!.checkpointed).toBe(log!.log);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });
});
