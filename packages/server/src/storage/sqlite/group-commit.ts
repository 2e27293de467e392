import type Database from 'better-sqlite3';

interface Pending<T> {
  items: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes requested in the same turn of the event loop share one transaction.
 *
 * A SQLite commit in WAL mode appends every page it touched; one event touches the table, five
 * indexes and the sequence, so committing events one by one spends most of its time rewriting the
 * same pages. Sharing the commit amortises that across every request in flight. Each caller still
 * waits for the commit before its promise resolves (nothing is acknowledged before it is stored),
 * and each caller's writes run in their own savepoint, so one failing caller rolls back alone.
 */
export function groupCommit<T>(db: Database.Database, write: (items: T) => void): (items: T) => Promise<void> {
  let queue: Pending<T>[] = [];
  const runOne = db.transaction(write);
  const runAll = db.transaction((batch: Pending<T>[]) => {
    const outcomes: Array<unknown | undefined> = [];
    for (const pending of batch) {
      try {
        // Called inside the outer transaction, better-sqlite3 runs this as a savepoint.
        runOne(pending.items);
        outcomes.push(undefined);
      } catch (error) {
        outcomes.push(error ?? new Error('write failed'));
      }
    }
    return outcomes;
  });

  const flush = () => {
    const batch = queue;
    queue = [];
    let outcomes: Array<unknown | undefined>;
    try {
      outcomes = runAll(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const error = outcomes[index];
      if (error === undefined) pending.resolve();
      else pending.reject(error);
    });
  };

  return (items) =>
    new Promise<void>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ items, resolve, reject });
    });
}
