/** Periodic work that one instance does at a time, and retention. */
import type { ArchivedRange } from './archive.js';

export interface PrunedCounts {
  events: number;
  deliveries: number;
  partitionsDropped: number;
}

export interface JobStore {
  /**
   * Runs `fn` unless another holder (another instance) is running the job of that name; then does
   * nothing. For periodic work that one instance should do at a time (sweeps, retention).
   */
  runExclusive<T>(job: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /**
   * Retention: removes events and finished webhook deliveries (with their attempt logs) older than
   * `cutoff`, `batchSize` rows per transaction. Pending deliveries and notifications are kept.
   * With `archived` (archival on), events go only as listed: the rows of each app and month up to
   * its archived position, whatever the cutoff; events not listed stay.
   */
  pruneBefore(cutoff: string, batchSize: number, archived?: ArchivedRange[]): Promise<PrunedCounts>;
  /**
   * Upkeep the adapter needs on a schedule even with retention off (PostgreSQL makes its monthly
   * event partitions ahead; `pruneBefore` does it too). Undefined when there is none.
   */
  readonly upkeep?: (() => Promise<unknown>) | undefined;
}
