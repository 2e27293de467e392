/**
 * Stats rollups, as in the SQLite adapter (storage/ports/stats.ts): counters per app, grain, bucket,
 * metric and dimension, and a fixed log-scale webhook latency histogram per app and bucket, written in
 * the transactions of the work they count and pruned with the events.
 */
export const sql = /* sql */ `
CREATE TABLE stats_counts (
  app_id TEXT COLLATE "C" NOT NULL,
  grain INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  metric TEXT COLLATE "C" NOT NULL,
  dim TEXT COLLATE "C" NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (app_id, grain, bucket, metric, dim)
);
CREATE INDEX idx_stats_counts_range ON stats_counts(grain, bucket);

CREATE TABLE stats_latency (
  app_id TEXT COLLATE "C" NOT NULL,
  grain INTEGER NOT NULL,
  bucket BIGINT NOT NULL,
  slot INTEGER NOT NULL,
  count BIGINT NOT NULL,
  PRIMARY KEY (app_id, grain, bucket, slot)
);
CREATE INDEX idx_stats_latency_range ON stats_latency(grain, bucket);
`;
