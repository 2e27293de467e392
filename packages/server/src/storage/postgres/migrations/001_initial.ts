/**
 * The design document's tables in PostgreSQL, mirroring the SQLite adapter's: prefixed text ids
 * (COLLATE "C" wherever ids are ordered, so ULIDs sort byte-wise as they do in SQLite), JSONB for
 * event_data / context_data / response_headers, TIMESTAMPTZ for every time. Plus apps, API keys,
 * preferences, the webhook outbox and idempotency records.
 */
export const sql = /* sql */ `
CREATE TABLE apps (
  app_id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  icon_url TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
  id TEXT COLLATE "C" PRIMARY KEY,
  app_id TEXT COLLATE "C" NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  name TEXT,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX idx_api_keys_app ON api_keys(app_id);

-- position is the event's place in the global stream, in commit order (see sql/events.ts: every
-- inserting transaction takes an advisory lock before drawing from the sequence). Partitioned by
-- month on "timestamp" (the design document's Scalability section): retention drops a month at once.
-- Monthly partitions are made ahead of time (partitions.ts); the DEFAULT partition takes anything
-- outside them, so an insert never fails for want of one. A partitioned table's unique keys must
-- contain the partition key, hence (position, "timestamp"); it also serves every scan by position.
-- ip_address stays TEXT (not INET): the API returns it exactly as it was given.
CREATE TABLE platform_events (
  position BIGSERIAL NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  app_id TEXT COLLATE "C" NOT NULL REFERENCES apps(app_id),
  user_id TEXT COLLATE "C",
  event_category TEXT NOT NULL,
  event_type TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  event_data JSONB NOT NULL DEFAULT '{}'::JSONB,
  "timestamp" TIMESTAMPTZ NOT NULL,
  ip_address TEXT,
  user_agent TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (position, "timestamp")
) PARTITION BY RANGE ("timestamp");
CREATE TABLE platform_events_default PARTITION OF platform_events DEFAULT;
CREATE INDEX idx_platform_events_app ON platform_events(app_id, position);
CREATE INDEX idx_platform_events_user ON platform_events(user_id, position);
CREATE INDEX idx_platform_events_app_type ON platform_events(app_id, event_category, event_type, position);
CREATE INDEX idx_platform_events_app_entity ON platform_events(app_id, entity_id, position);
CREATE INDEX idx_platform_events_data ON platform_events USING GIN (event_data jsonb_path_ops);

CREATE TABLE platform_notifications (
  id TEXT COLLATE "C" PRIMARY KEY,
  app_id TEXT COLLATE "C" NOT NULL REFERENCES apps(app_id),
  external_id TEXT COLLATE "C" NOT NULL,
  user_id TEXT COLLATE "C" NOT NULL,
  notification_type TEXT COLLATE "C" NOT NULL,
  title TEXT NOT NULL CHECK (length(title) <= 200),
  body TEXT NOT NULL CHECK (length(body) <= 1000),
  action_url TEXT,
  action_label TEXT,
  image_url TEXT,
  icon_url TEXT,
  context_data JSONB NOT NULL DEFAULT '{}'::JSONB,
  group_key TEXT COLLATE "C",
  priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  expires_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT unique_app_external_notification UNIQUE (app_id, external_id)
);
CREATE INDEX idx_notifications_user ON platform_notifications(user_id, id);
CREATE INDEX idx_notifications_app ON platform_notifications(app_id, id);
CREATE INDEX idx_notifications_user_external ON platform_notifications(user_id, external_id);
CREATE INDEX idx_notifications_context ON platform_notifications USING GIN (context_data jsonb_path_ops);
-- One row per notification, with app_id, notification_type and expires_at copied from it so that
-- unread counts come from this table's index alone (as in SQLite). Deleted with its notification.
CREATE TABLE notification_state (
  user_id TEXT COLLATE "C" NOT NULL,
  notification_id TEXT COLLATE "C" NOT NULL REFERENCES platform_notifications(id) ON DELETE CASCADE,
  id TEXT COLLATE "C" NOT NULL,
  app_id TEXT COLLATE "C" NOT NULL,
  notification_type TEXT COLLATE "C" NOT NULL,
  expires_at TIMESTAMPTZ,
  status TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'read', 'dismissed', 'clicked', 'expired')),
  sent_at TIMESTAMPTZ,
  delivered_at TIMESTAMPTZ,
  read_at TIMESTAMPTZ,
  dismissed_at TIMESTAMPTZ,
  clicked_at TIMESTAMPTZ,
  dismissed_from TEXT,
  click_action TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, notification_id)
);
CREATE UNIQUE INDEX idx_notification_state_notification ON notification_state(notification_id);
CREATE INDEX idx_notification_state_user_status
  ON notification_state(user_id, status, app_id, notification_type, expires_at);
-- The design document's partial index for unexpired notifications, where the counts read it: an
-- index predicate cannot call NOW() (it must be immutable), so the partial index holds unread
-- states and carries expires_at, and "expires_at IS NULL OR expires_at > $now" filters inside it.
CREATE INDEX idx_notification_state_unread ON notification_state(user_id, app_id, notification_type, expires_at)
  WHERE status = 'unread';
-- The expiry sweeper's work list: live notifications that have an expiry.
CREATE INDEX idx_notification_state_expiring ON notification_state(expires_at)
  WHERE expires_at IS NOT NULL AND status IN ('unread', 'read', 'clicked');

CREATE TABLE user_preferences (
  user_id TEXT COLLATE "C" PRIMARY KEY,
  muted_apps JSONB NOT NULL DEFAULT '[]'::JSONB,
  muted_types JSONB NOT NULL DEFAULT '{}'::JSONB,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE app_webhooks (
  id TEXT COLLATE "C" PRIMARY KEY,
  app_id TEXT COLLATE "C" NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  webhook_url TEXT NOT NULL,
  webhook_secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at TIMESTAMPTZ,
  subscribed_events TEXT[] NOT NULL DEFAULT '{}',
  description TEXT,
  is_active BOOLEAN NOT NULL DEFAULT true,
  disabled_reason TEXT,
  last_delivery_at TIMESTAMPTZ,
  last_success_at TIMESTAMPTZ,
  last_failure_at TIMESTAMPTZ,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  total_deliveries INTEGER NOT NULL DEFAULT 0,
  total_failures INTEGER NOT NULL DEFAULT 0,
  max_retries INTEGER NOT NULL DEFAULT 5,
  retry_backoff_seconds INTEGER NOT NULL DEFAULT 1,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_webhooks_app ON app_webhooks(app_id);
CREATE INDEX idx_webhooks_active ON app_webhooks(is_active);

-- The outbox: one row per (webhook, event), written in the event's transaction. Its id is the
-- webhook-id header, stable across retries; position orders listings; locked_until is a worker's lease.
CREATE TABLE webhook_deliveries (
  position BIGSERIAL PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  webhook_id TEXT COLLATE "C" NOT NULL REFERENCES app_webhooks(id) ON DELETE CASCADE,
  event_id TEXT COLLATE "C" NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ,
  locked_until TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries(webhook_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX idx_webhook_deliveries_webhook ON webhook_deliveries(webhook_id, position);

CREATE TABLE webhook_delivery_log (
  id TEXT COLLATE "C" PRIMARY KEY,
  delivery_id TEXT COLLATE "C" NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  webhook_id TEXT COLLATE "C" NOT NULL REFERENCES app_webhooks(id) ON DELETE CASCADE,
  event_id TEXT COLLATE "C",
  event_type TEXT NOT NULL,
  status_code INTEGER,
  response_body TEXT,
  response_headers JSONB,
  delivery_attempt INTEGER NOT NULL DEFAULT 1,
  delivered_at TIMESTAMPTZ NOT NULL,
  response_time_ms INTEGER,
  success BOOLEAN NOT NULL,
  error_message TEXT
);
CREATE INDEX idx_webhook_log_delivery ON webhook_delivery_log(delivery_id, delivery_attempt);
CREATE INDEX idx_webhook_log_webhook ON webhook_delivery_log(webhook_id, delivered_at DESC);

CREATE TABLE idempotency_keys (
  scope TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER,
  response_body TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idx_idempotency_created ON idempotency_keys(created_at);
`;
