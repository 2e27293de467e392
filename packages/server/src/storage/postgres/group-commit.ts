import type { RunTx, Tx } from './db.js';

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
export function groupCommit(runTx: RunTx, maxWeight: number) {
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
