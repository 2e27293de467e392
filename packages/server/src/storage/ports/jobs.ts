/** Periodic work that one instance does at a time, and retention. */

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
   */
  pruneBefore(cutoff: string, batchSize: number): Promise<PrunedCounts>;
  /**
   * Upkeep the adapter needs on a schedule even with retention off (PostgreSQL makes its monthly
   * event partitions ahead; `pruneBefore` does it too). Undefined when there is none.
   */
  readonly upkeep?: (() => Promise<unknown>) | undefined;
}
