import type pg from 'pg';
import { type EventRecord, StatsTally, type StoredEvent } from '../types.js';
import { insertEventsLocked } from './sql/events.js';
import { writeTally } from './sql/stats.js';
import { rememberUserApps } from './sql/users.js';

/** A transaction in progress. Events are buffered and stored last, just before COMMIT (see `createTransactions`). */
export interface Tx {
  readonly client: pg.PoolClient;
  /**
   * Stores these events in this transaction, after everything else, with their outbox rows (unless
   * the caller wrote those already).
   */
  addEvents(events: EventRecord[], outboxWritten?: boolean): void;
  /** Marks that the transaction queued webhook deliveries: listeners are told after the commit. */
  deliveriesQueued(): void;
  /** The stats this transaction's work adds to (its events are counted by the runner), written before COMMIT. */
  readonly tally: StatsTally;
}

export type RunTx = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** SQLSTATEs worth running a whole transaction again for. */
const RETRYABLE = new Set(['40P01', '40001']);

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '');
}

/** The most events one group commit stores (a batch request alone may hold more). */
const MAX_GROUP_EVENTS = 5_000;

/**
 * Positions are commit-ordered. The stream resumes "after position N" (and a bus fills gaps with
 * `committedEventsAfter`), so an event must never commit with a smaller position than one already
 * visible. A bare sequence does not promise that: transaction A may draw 5, B draw 6 and commit
 * first, and a reader who saw 6 skips 5 forever. So every transaction that stores events takes one
 * advisory lock (per schema) just before drawing positions and holds it to COMMIT: positions are
 * drawn and committed one transaction at a time, in order, and the lock is released only after the
 * commit is visible. To keep that critical section short, a transaction's events are buffered and
 * stored last, after its other writes and row locks; nothing taken under the lock can wait on a
 * transaction that waits for the lock (only foreign-key share locks on apps). The webhook outbox needs
 * no positions, so it is written before the lock is taken.
 * A rolled-back transaction leaves a gap, which positions allow (they only ever increase).
 */
export function createTransactions(
  pool: pg.Pool,
  schema: string,
  writeOutbox: (client: pg.PoolClient, events: EventRecord[]) => Promise<boolean>,
) {
  const listeners = new Set<(events: StoredEvent[]) => void>();
  // This process's transactions that drew positions, in position order (each registers while it holds
  // the lock), so listeners hear of commits in position order even when two COMMIT replies cross.
  const inFlight: Array<{ events: StoredEvent[]; state: 'open' | 'committed' | 'aborted' }> = [];
  const drain = () => {
    while (inFlight.length > 0 && inFlight[0]!.state !== 'open') {
      const entry = inFlight.shift()!;
      if (entry.state !== 'committed') continue;
      for (const listener of listeners) {
        try {
          listener(entry.events);
        } catch (error) {
          // One failing listener must not keep the others (or later commits) from hearing.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  };

  const deliveryListeners = new Set<() => void>();
  const deliveriesQueued = () => {
    for (const listener of deliveryListeners) listener();
  };

  const runOnce = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const buffered: EventRecord[] = [];
    const needOutbox: EventRecord[] = [];
    const tally = new StatsTally();
    let queued = false;
    let entry: (typeof inFlight)[number] | undefined;
    let broken: Error | undefined;
    let value: T;
    try {
      await client.query('BEGIN');
      value = await work({
        client,
        addEvents: (events, outboxWritten = false) => {
          for (const event of events) buffered.push(event);
          if (!outboxWritten) for (const event of events) needOutbox.push(event);
        },
        deliveriesQueued: () => {
          queued = true;
        },
        tally,
      });
      // The rollups, like the outbox, go before the events lock: nothing under it waits on a counter row.
      tally.events(buffered);
      await writeTally(client, tally);
      // The outbox needs no positions: written before the lock, to keep the critical section short.
      if (needOutbox.length > 0 && (await writeOutbox(client, needOutbox))) queued = true;
      if (buffered.length > 0) {
        // Like the outbox, outside the events lock: which apps now know which users.
        await rememberUserApps(client, buffered);
        const stored = await insertEventsLocked(client, schema, buffered);
        // Registered while the lock is held: the next local transaction draws its positions after this.
        entry = { events: stored, state: 'open' };
        inFlight.push(entry);
      }
      await client.query('COMMIT');
    } catch (error) {
      if (entry) {
        entry.state = 'aborted';
        drain();
      }
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
    // Committed: whatever listeners do, the caller learns that it is stored.
    if (entry) {
      entry.state = 'committed';
      drain();
    }
    if (queued) deliveriesQueued();
    return value;
  };

  /** Runs `work` in a transaction (again, up to three times, after a deadlock or serialization failure). */
  const runTx: RunTx = async (work) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runOnce(work);
      } catch (error) {
        if (attempt >= 3 || !isRetryable(error)) throw error;
      }
    }
  };

  return {
    runTx,
    /**
     * Group commit for the hot write paths (published events and their notification syncs,
     * notification creation and state changes). Every transaction that stores events holds the events
     * lock through its COMMIT, so this process's writes commit one at a time anyway; rather than queue
     * them on the lock one fsync each, they share commits (see `groupCommit` below), as the SQLite
     * adapter's write queue does.
     */
    grouped: groupCommit(runTx, MAX_GROUP_EVENTS),
    /** Another group commit on the same runner, for a hot path of its own (delivery outcomes). */
    group: (maxWeight: number) => groupCommit(runTx, maxWeight),
    /** Listeners hear of each commit's events in position order. */
    onEventsCommitted: (listener: (events: StoredEvent[]) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** After a commit that queued deliveries (or `deliveriesQueued`, for work made due outside one). */
    onDeliveriesQueued: (listener: () => void) => {
      deliveryListeners.add(listener);
      return () => {
        deliveryListeners.delete(listener);
      };
    },
    deliveriesQueued,
  };
}

export type Transactions = ReturnType<typeof createTransactions>;

/**
 * Group commit: one transaction in flight at a time per process, and the work requested meanwhile
 * waits and runs together in the next one — one commit (one fsync) for all of it. Under load the
 * groups grow by themselves; alone, a request waits for nothing but its own commit. Work in a group
 * sees the writes of the work before it, exactly as if they had run one after another. If a group
 * fails, each of its parts runs again alone, so one bad request fails alone. Every caller's promise
 * settles after its commit.
 *
 * `maxWeight` bounds a group (each work says how much it weighs, e.g. its number of events), so
 * one transaction stays a reasonable size under a flood of requests.
 */
function groupCommit(runTx: RunTx, maxWeight: number) {
  interface Pending {
    work: (tx: Tx) => Promise<unknown>;
    weight: number;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }
  const waiting: Pending[] = [];
  let flushing = false;

  const alone = (pending: Pending) => runTx(pending.work).then(pending.resolve, pending.reject);
  const runGroup = async (group: Pending[]) => {
    if (group.length === 1) return alone(group[0]!);
    let values: unknown[];
    try {
      values = await runTx(async (tx) => {
        const results: unknown[] = [];
        for (const pending of group) results.push(await pending.work(tx));
        return results;
      });
    } catch {
      await Promise.all(group.map(alone));
      return;
    }
    for (const [i, pending] of group.entries()) pending.resolve(values[i]);
  };
  const takeGroup = () => {
    let weight = 0;
    let count = 0;
    while (count < waiting.length && (count === 0 || weight + waiting[count]!.weight <= maxWeight)) {
      weight += waiting[count]!.weight;
      count++;
    }
    return waiting.splice(0, count);
  };
  const flush = async () => {
    try {
      while (waiting.length > 0) await runGroup(takeGroup());
    } finally {
      flushing = false;
    }
  };

  /** Runs `work` in the next group transaction. */
  return <T>(work: (tx: Tx) => Promise<T>, weight = 1): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ work, weight, resolve: resolve as (value: unknown) => void, reject });
      // The first request of a quiet spell waits one turn of the event loop, for requests parsed beside it.
      if (!flushing) {
        flushing = true;
        setImmediate(() => void flush());
      }
    });
}
