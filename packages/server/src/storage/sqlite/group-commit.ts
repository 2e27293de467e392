import type Database from 'better-sqlite3';

interface Pending<T> {
  items: T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: rows written in the same turn of the event loop share one transaction.
 *
 * A SQLite commit in WAL mode appends every page it touched; one event touches the table and its
 * indexes, so committing events one by one spends most of its time rewriting the same pages.
 * Sharing the commit amortises that across every request in flight, and `write` receives all their
 * rows at once so it can use multi-row statements. Each caller's promise resolves only after the
 * commit: nothing is acknowledged before it is stored.
 *
 * If the shared transaction fails, it is rolled back and every caller is retried in a transaction
 * of its own, so one bad write fails alone and the others still commit.
 */
export function groupCommit<T>(db: Database.Database, write: (rows: T[]) => void): (rows: T[]) => Promise<void> {
  let queue: Pending<T>[] = [];
  const runTransaction = db.transaction(write);

  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      runTransaction(batch.length === 1 ? batch[0]!.items : batch.flatMap((pending) => pending.items));
      for (const pending of batch) pending.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const pending of batch) {
      try {
        runTransaction(pending.items);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  };

  return (rows) =>
    new Promise<void>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ items: rows, resolve, reject });
    });
}
