/**
 * Stats rollups (storage/ports/stats.ts): counters per app, bucket grain (60, 3600 or 86400 s), bucket
 * start, metric and dimension, and a fixed log-scale webhook latency histogram per app and bucket. Both
 * are written in the transactions of the work they count and pruned with the events (retention).
 */
export const sql = /* sql */ `
CREATE TABLE stats_counts (
  app_id TEXT NOT NULL,
  grain INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  metric TEXT NOT NULL,
  dim TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (app_id, grain, bucket, metric, dim)
) WITHOUT ROWID;
CREATE INDEX idx_stats_counts_range ON stats_counts(grain, bucket);

CREATE TABLE stats_latency (
  app_id TEXT NOT NULL,
  grain INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (app_id, grain, bucket, slot)
) WITHOUT ROWID;
CREATE INDEX idx_stats_latency_range ON stats_latency(grain, bucket);
`;
