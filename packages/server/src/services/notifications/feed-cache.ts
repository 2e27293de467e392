/** The most feed pages kept (least recently used go first): ~40 KB each at 50 notifications. */
const MAX_ENTRIES = 5_000;

interface Entry {
  version: string;
  /** The page is stale from this instant (a notification on it, or counted by it, expires). */
  validUntil: string | undefined;
  body: string;
}

/**
 * Serialized feed pages, per user and query. An entry is served only while the user's feed version
 * (bumped by every write that can change the feed, in the write's own transaction) is unchanged and
 * no live notification has expired since; otherwise it is rebuilt. Reads of a feed outnumber writes
 * to it many times over, and a page costs the database tens of row reads.
 */
export class FeedCache {
  private readonly entries = new Map<string, Entry>();

  get(key: string, version: string, now: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || (entry.validUntil !== undefined && entry.validUntil <= now)) {
      this.entries.delete(key);
      return undefined;
    }
    // Refresh its place in the LRU order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, entry: Entry): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }
}
