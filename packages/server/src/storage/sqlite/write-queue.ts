import type Database from 'better-sqlite3';
import { stallTrace } from '../../observability/stall-trace.js';

interface Pending {
  write: () => unknown;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

export type WriteQueue = <R>(write: () => R) => Promise<R>;

/**
 * Group commit: writes requested in the same turn of the event loop run in one transaction.
 *
 * A SQLite commit in WAL mode appends every page it touched, so a commit per request (an event, an
 * idempotency record) spends most of its time rewriting the same pages. Sharing the commit
 * amortises that across every request in flight. Each caller's promise settles only after the
 * commit: nothing is acknowledged before it is stored.
 *
 * Each write is a synchronous function run inside the transaction, so a read-then-write (a state
 * change, an idempotency reservation) stays atomic. If the shared transaction fails, it is rolled
 * back and every write is run again in a transaction of its own, so one bad write fails alone.
 * `hooks` learn of each transaction's outcome and of each flush (the outbox wakes the delivery
 * worker; committed events go to stream clients).
 */
export interface WriteQueueHooks {
  /** Inside each transaction, after its writes and before COMMIT: what they accumulated, written once. */
  beforeCommit?: () => void;
  /** After each transaction: whether it committed (false: rolled back). */
  transactionEnded?: (committed: boolean) => void;
  /** After each flush, once every caller is settled. */
  flushed?: () => void;
  /**
   * Before each flush: a promise to wait for before writing (writes queued meanwhile join the flush),
   * or undefined to write now. The checkpointer uses it to catch up with a WAL grown too large.
   */
  beforeFlush?: () => Promise<void> | undefined;
}

export function createWriteQueue(db: Database.Database, hooks: WriteQueueHooks = {}): WriteQueue {
  let queue: Pending[] = [];
  const allInOne = db.transaction((batch: Pending[]) => {
    const results = batch.map((pending) => pending.write());
    hooks.beforeCommit?.();
    return results;
  });
  const oneAlone = db.transaction((pending: Pending) => {
    const result = pending.write();
    hooks.beforeCommit?.();
    return result;
  });
  const ended = (committed: boolean) => hooks.transactionEnded?.(committed);
  const runAll = (batch: Pending[]) => {
    try {
      const results = allInOne(batch);
      ended(true);
      return results;
    } catch (error) {
      ended(false);
      throw error;
    }
  };
  const runOne = (pending: Pending) => {
    try {
      const result = oneAlone(pending);
      ended(true);
      return result;
    } catch (error) {
      ended(false);
      throw error;
    }
  };

  const flush = () => {
    const pause = hooks.beforeFlush?.();
    if (pause) {
      // The queue keeps its writes meanwhile, so no other flush is scheduled.
      const pausedAt = performance.now();
      const resume = () => {
        stallTrace.note('wal_catch_up_wait', performance.now() - pausedAt);
        flush();
      };
      pause.then(resume, resume);
      return;
    }
    const batch = queue;
    queue = [];
    const started = stallTrace.enabled ? performance.now() : 0;
    try {
      settle(batch);
    } finally {
      hooks.flushed?.();
      if (stallTrace.enabled) {
        stallTrace.note('flush', performance.now() - started);
        stallTrace.note('flush_writes', batch.length);
      }
    }
  };

  const settle = (batch: Pending[]) => {
    let results: unknown[] | undefined;
    try {
      results = runAll(batch);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    if (results) {
      for (const [index, pending] of batch.entries()) pending.resolve(results[index]);
      return;
    }
    for (const pending of batch) {
      try {
        pending.resolve(runOne(pending));
      } catch (error) {
        pending.reject(error);
      }
    }
  };

  return <R>(write: () => R) =>
    new Promise<R>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ write, resolve: resolve as (result: unknown) => void, reject });
    });
}
