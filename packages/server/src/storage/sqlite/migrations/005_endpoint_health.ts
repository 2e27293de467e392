/**
 * Endpoint health (webhook.failing / webhook.recovered) and two delivery marks.
 *
 * `webhook_health` holds each endpoint's attempt counters for the current hourly window and the one
 * before, updated in each attempt's transaction, so the last hour's failure rate is read from one row
 * and never by scanning deliveries; `failing_since` is set while the endpoint is reported failing.
 *
 * SQLite cannot widen `webhook_deliveries.status`'s CHECK without rebuilding the table (and with it
 * the attempt log that references it), so an aborted delivery is stored as `failed` with `aborted = 1`;
 * the adapter reads it back as `aborted`.
 */
export const sql = /* sql */ `
CREATE TABLE webhook_health (
  webhook_id TEXT PRIMARY KEY REFERENCES app_webhooks(id) ON DELETE CASCADE,
  window_start TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  previous_attempts INTEGER NOT NULL DEFAULT 0,
  previous_failures INTEGER NOT NULL DEFAULT 0,
  failing_since TEXT
);
ALTER TABLE webhook_deliveries ADD COLUMN replay INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_deliveries ADD COLUMN aborted INTEGER NOT NULL DEFAULT 0;
`;
