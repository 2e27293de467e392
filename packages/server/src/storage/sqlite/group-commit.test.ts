import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

function openTable() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE)');
  const insert = db.prepare('INSERT INTO t (value) VALUES (?)');
  let transactions = 0;
  const write = groupCommit(db, (rows: string[]) => {
    transactions++;
    for (const row of rows) insert.run(row);
  });
  return { db, write, transactions: () => transactions };
}

describe('groupCommit', () => {
  it('commits concurrent writes in one transaction, in order', async () => {
    const { db, write, transactions } = openTable();
    await Promise.all([write(['a', 'b']), write(['c']), write(['d'])]);
    expect(transactions()).toBe(1);
    expect(db.prepare('SELECT value FROM t ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails only the caller whose rows break a constraint, and stores the rest', async () => {
    const { db, write } = openTable();
    await write(['taken']);
    const results = await Promise.allSettled([write(['x1', 'x2']), write(['y', 'taken']), write(['z'])]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // All-or-nothing per caller: 'y' went with its failing sibling.
    expect(db.prepare('SELECT value FROM t ORDER BY id').pluck().all()).toEqual(['taken', 'x1', 'x2', 'z']);
  });

  it('starts a new group after a flush', async () => {
    const { write, transactions } = openTable();
    await write(['a']);
    await write(['b']);
    expect(transactions()).toBe(2);
  });
});
