/**
 * Serialized feed pages and unread counts, per user: read far more often than the feed changes, and
 * each costs the database tens of row reads. Every entry is tagged with the user's feed version read
 * BEFORE the data it holds, and served only while that version is unchanged and no live
 * notification has expired since (`validUntil`). A write bumps the version after its commit and
 * before it answers, so an entry read before the write can never be served after it.
 *
 * Two implementations, one chosen at start (server.ts): this process's memory, keyed by the version
 * the SQLite adapter keeps (it is the only writer of its file), and Redis, shared by every instance
 * on PostgreSQL (redis-feed-cache.ts).
 */
export interface FeedCache {
  /** Which store answers: `memory` or `redis` (logged at start, documented in docs/server.md). */
  readonly kind: 'memory' | 'redis';
  /**
   * The entry `key` of `userId` if it is current as of `now` (one round trip at most). A miss comes
   * with the ticket to store what is read next, or none when nothing may be stored (no version to
   * tag it with); `error` means the cache could not be asked, and the caller reads the database.
   */
  lookup(userId: string, key: string, now: string): Promise<FeedCacheLookup>;
  /** Stores an entry under the version its ticket was issued at; never throws. */
  store(ticket: FeedCacheTicket, body: string, validUntil: string | undefined): Promise<void>;
  close(): Promise<void>;
}

export type FeedCacheLookup =
  | { result: 'hit'; body: string }
  | { result: 'miss'; ticket: FeedCacheTicket | undefined }
  | { result: 'error' };

/** What a miss hands to `store`: where, and at which version the caller started reading. */
export interface FeedCacheTicket {
  userId: string;
  key: string;
  version: string;
}

/**
 * Writes on PostgreSQL tell the shared cache whose feed they may have changed (feed-invalidation.ts).
 * Both resolve once the bump is done or has failed: a failure is the cache's to handle, never the write's.
 */
export interface FeedInvalidation {
  touch(userIds: Iterable<string>): Promise<void>;
  /** Every feed may have changed (an app's name or icon shows in all of them). */
  touchAll(): Promise<void>;
}

/** The most entries kept in memory (least recently used go first): ~40 KB each at 50 notifications. */
const MAX_ENTRIES = 5_000;

interface MemoryEntry {
  version: string;
  /** The entry is stale from this instant (a notification on it, or counted by it, expires). */
  validUntil: string | undefined;
  body: string;
}

/**
 * The in-process cache, tagged with `versionOf` (the SQLite adapter's `feedVersion`). Undefined
 * versions (PostgreSQL without Redis: other instances write too) store nothing.
 */
export function memoryFeedCache(versionOf: (userId: string) => string | undefined): FeedCache {
  const entries = new Map<string, MemoryEntry>();
  return {
    kind: 'memory',
    lookup: async (userId, key, now) => {
      const version = versionOf(userId);
      if (version === undefined) return { result: 'miss', ticket: undefined };
      const entryKey = `${userId}?${key}`;
      const entry = entries.get(entryKey);
      if (entry) {
        entries.delete(entryKey);
        if (entry.version === version && (entry.validUntil === undefined || entry.validUntil > now)) {
          // Back in at the end: the LRU order.
          entries.set(entryKey, entry);
          return { result: 'hit', body: entry.body };
        }
      }
      return { result: 'miss', ticket: { userId, key, version } };
    },
    store: async ({ userId, key, version }, body, validUntil) => {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(`${userId}?${key}`, { version, validUntil, body });
    },
    close: async () => {
      entries.clear();
    },
  };
}
