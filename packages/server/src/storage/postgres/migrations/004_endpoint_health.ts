/**
 * Endpoint health (webhook.failing / webhook.recovered) and two delivery marks, as in the SQLite
 * adapter: `webhook_health` holds each endpoint's attempt counters for the current hourly window and
 * the one before, updated with each attempt's outcome, so the last hour's failure rate is read from one
 * row, never by scanning deliveries. Deliveries gain `replay` and the status `aborted` (the receiver
 * answered `webhook-delivery: abort-message`).
 */
export const sql = /* sql */ `
CREATE TABLE webhook_health (
  webhook_id TEXT COLLATE "C" PRIMARY KEY REFERENCES app_webhooks(id) ON DELETE CASCADE,
  window_start TIMESTAMPTZ NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  previous_attempts INTEGER NOT NULL DEFAULT 0,
  previous_failures INTEGER NOT NULL DEFAULT 0,
  failing_since TIMESTAMPTZ
);
ALTER TABLE webhook_deliveries ADD COLUMN replay BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
  CHECK (status IN ('pending', 'succeeded', 'failed', 'aborted'));
`;
