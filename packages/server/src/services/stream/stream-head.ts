import type { StoredEvent } from '../../storage/types.js';

/** Something that calls a listener with committed events (the storage's commits, the event bus). */
export type CommitSource = (listener: (events: StoredEvent[]) => void) => () => void;

export interface StreamHead {
  /**
   * A position every event at or below which is committed and visible, never below the newest this
   * instance committed or heard of on the bus; at most `refreshMs` (plus one read) behind the database.
   */
  current(): Promise<number>;
  /** Stops listening. */
  close(): void;
}

/**
 * The stream's head kept in process. With PostgreSQL, `SELECT MAX(position)` on every feed read was
 * a round trip and a pool connection per read (one of five on the feed). Positions are
 * commit-ordered (storage/postgres/transactions.ts): once position p is committed every position
 * below it is too, so the largest position this instance saw committed is a safe head, and a page
 * read after it contains every change at or below it. Sources:
 * - this instance's commits (`storage.events.onCommitted`, called before the writer is answered, so a
 *   read after an answered write is never behind it);
 * - the event bus (with Redis, other instances' commits, in position order, within a message's flight);
 * - the database itself, read again in the background when the known value is older than
 *   `refreshMs`, so that without Redis the head still follows other instances.
 * A head behind the truth only makes a resuming client receive a change twice, never miss one.
 *
 * @example
 * const head = trackStreamHead({
 *   read: () => storage.events.head(),
 *   sources: [storage.events.onCommitted, (listener) => bus.subscribe(listener)],
 * });
 * const position = await head.current();
 */
export function trackStreamHead(options: {
  read: () => Promise<number>;
  sources: readonly CommitSource[];
  /** How old the last database read may be before the next `current()` starts another (default 1,000 ms). */
  refreshMs?: number;
  now?: () => number;
}): StreamHead {
  const now = options.now ?? Date.now;
  const refreshMs = options.refreshMs ?? 1_000;
  let known = 0;
  let readAt: number | undefined;
  let reading: Promise<void> | undefined;

  const raise = (position: number) => {
    if (position > known) known = position;
  };
  const listen = (events: StoredEvent[]) => {
    const newest = events.at(-1);
    if (newest) raise(newest.position);
  };
  const stops = options.sources.map((source) => source(listen));

  const refresh = (): Promise<void> => {
    reading ??= (async () => {
      const startedAt = now();
      try {
        raise(await options.read());
        readAt = startedAt;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  return {
    current: async () => {
      // The first read waits for the database: before it, the head is unknown, not 0.
      if (readAt === undefined) await refresh();
      else if (now() - readAt >= refreshMs) refresh().catch(() => {});
      return known;
    },
    close: () => {
      for (const stop of stops) stop();
    },
  };
}
