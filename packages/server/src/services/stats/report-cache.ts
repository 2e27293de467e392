/** Answers kept at most; the oldest goes first. A console asks for a few ranges over and over. */
const MAX_ENTRIES = 1_000;

/**
 * Built stats answers, reused while the storage's stats version is unchanged (as the feed cache does
 * with a user's feed version). Ranges are whole buckets, so a console refreshing "the last 30 days by
 * day" asks for the same key all day. With no version (PostgreSQL) nothing is kept.
 */
export class StatsReportCache<T> {
  private readonly entries = new Map<string, { version: number; report: T }>();

  async get(key: string, version: number | undefined, build: () => Promise<T>): Promise<T> {
    if (version === undefined) return build();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.report;
    const report = await build();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, report });
    return report;
  }
}
