import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createWriteQueue, type WriteQueueHooks } from './write-queue.js';

function openTable(hooks: WriteQueueHooks = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oriva-write-queue-'));
  const db = new Database(join(dir, 'queue.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE)');
  const insert = db.prepare<[string]>('INSERT INTO t (value) VALUES (?)');
  const write = createWriteQueue(db, hooks);
  const values = () => db.prepare('SELECT value FROM t ORDER BY id').pluck().all();
  const insertAll = (rows: string[]) =>
    write(() => {
      for (const row of rows) insert.run(row);
      return rows.length;
    });
  onTestFinished(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, dir, write, insertAll, values };
}

describe('createWriteQueue', () => {
  it('runs concurrent writes in one transaction, in order, and returns each result', async () => {
    const { dir, write, insertAll, values } = openTable();
    const reader = new Database(join(dir, 'queue.db'), { readonly: true });
    let seenByReaderDuringLastWrite: unknown[] = [];
    const results = await Promise.all([
      insertAll(['a', 'b']),
      insertAll(['c']),
      write(() => {
        // Another connection sees nothing yet: the first two writes are in this same open transaction.
        seenByReaderDuringLastWrite = reader.prepare('SELECT value FROM t').pluck().all();
        return 'last';
      }),
    ]);
    expect(results).toEqual([2, 1, 'last']);
    expect(seenByReaderDuringLastWrite).toEqual([]);
    expect(values()).toEqual(['a', 'b', 'c']);
    expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
    reader.close();
  });

  it('fails only the write that breaks a constraint, and commits the others', async () => {
    const { insertAll, values } = openTable();
    await insertAll(['taken']);
    const results = await Promise.allSettled([insertAll(['x1', 'x2']), insertAll(['y', 'taken']), insertAll(['z'])]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // All or nothing per write: 'y' went with its failing sibling.
    expect(values()).toEqual(['taken', 'x1', 'x2', 'z']);
  });

  it('runs beforeCommit once in each transaction that commits, after its writes, retries alone included', async () => {
    const seenBeforeCommit: number[] = [];
    const { db, insertAll } = openTable({
      beforeCommit: () => seenBeforeCommit.push(db.prepare('SELECT count(*) FROM t').pluck().get() as number),
    });
    await insertAll(['taken']);
    await Promise.allSettled([insertAll(['x1', 'x2']), insertAll(['y', 'taken']), insertAll(['z'])]);
    // The shared transaction failed before its end; then x1+x2 and z committed alone, each seen whole.
    expect(seenBeforeCommit).toEqual([1, 3, 4]);
  });

  it('keeps a read-then-write atomic', async () => {
    const { db, write, values } = openTable();
    const insertIfAbsent = (value: string) =>
      write(() => {
        if (db.prepare('SELECT 1 FROM t WHERE value = ?').get(value)) return false;
        db.prepare('INSERT INTO t (value) VALUES (?)').run(value);
        return true;
      });
    const outcomes = await Promise.all([insertIfAbsent('k'), insertIfAbsent('k'), insertIfAbsent('k')]);
    expect(outcomes).toEqual([true, false, false]);
    expect(values()).toEqual(['k']);
  });
});
