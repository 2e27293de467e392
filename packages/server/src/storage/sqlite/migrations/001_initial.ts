/**
 * The design document's tables, in SQLite's dialect: UUID → prefixed text ids, JSONB → JSON text,
 * TIMESTAMPTZ → ISO-8601 UTC text (sorts correctly as text). Plus apps, API keys and idempotency records.
 */
export const sql = /* sql */ `
CREATE TABLE apps (
  app_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  icon_url TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  name TEXT,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX idx_api_keys_app ON api_keys(app_id);

-- seq is the event's position in the global stream: the order of commits, which resume, cursors and
-- retention use. Retention never deletes the newest event, so a seq is never reused. id is the public
-- name: unique by construction (a monotonic ULID) and looked up only within an app's or a user's
-- events, so it carries no index of its own (each index costs every insert ~1 µs).
CREATE TABLE platform_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  app_id TEXT NOT NULL REFERENCES apps(app_id),
  user_id TEXT,
  event_category TEXT NOT NULL,
  event_type TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  event_data TEXT NOT NULL DEFAULT '{}',
  timestamp TEXT NOT NULL,
  ip_address TEXT,
  user_agent TEXT,
  created_at TEXT NOT NULL
);
-- Exactly the indexes the queries need.
-- The user index serves a user's stream and an app's events filtered by user (a user's events are few).
CREATE INDEX idx_platform_events_app ON platform_events(app_id, seq);
CREATE INDEX idx_platform_events_user ON platform_events(user_id, seq);
CREATE INDEX idx_platform_events_app_type ON platform_events(app_id, event_category, event_type, seq);
CREATE INDEX idx_platform_events_app_entity ON platform_events(app_id, entity_id, seq);

-- Clustered by user: a user's notifications (and, below, their states) sit together in the file,
-- so a feed page reads a few contiguous pages instead of one page per notification scattered among
-- everyone else's. The id is a time-ordered ULID, so (user_id, id) is also newest-last per user.
CREATE TABLE platform_notifications (
  id TEXT NOT NULL,
  app_id TEXT NOT NULL REFERENCES apps(app_id),
  external_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  notification_type TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(title) <= 200),
  body TEXT NOT NULL CHECK (length(body) <= 1000),
  action_url TEXT,
  action_label TEXT,
  image_url TEXT,
  icon_url TEXT,
  context_data TEXT NOT NULL DEFAULT '{}',
  group_key TEXT,
  priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  expires_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, id),
  CONSTRAINT unique_app_external_notification UNIQUE (app_id, external_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_notifications_id ON platform_notifications(id);
CREATE INDEX idx_notifications_app ON platform_notifications(app_id, id);
CREATE INDEX idx_notifications_user_external ON platform_notifications(user_id, external_id);

-- One row per notification: its user's state, clustered like the notifications. app_id,
-- notification_type and expires_at are copied from the notification so that unread counts and the
-- feed's total come from this table's index alone. Deleting a notification deletes its state in the
-- same transaction (a cascade would need another index on notification_id).
CREATE TABLE notification_state (
  user_id TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  id TEXT NOT NULL,
  app_id TEXT NOT NULL,
  notification_type TEXT NOT NULL,
  expires_at TEXT,
  status TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'read', 'dismissed', 'clicked', 'expired')),
  sent_at TEXT,
  delivered_at TEXT,
  read_at TEXT,
  dismissed_at TEXT,
  clicked_at TEXT,
  dismissed_from TEXT,
  click_action TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, notification_id)
) WITHOUT ROWID;
CREATE INDEX idx_notification_state_user_status ON notification_state(user_id, status, app_id, notification_type, expires_at);
-- The expiry sweeper's work list: live notifications that have an expiry.
CREATE INDEX idx_notification_state_expiring ON notification_state(expires_at)
  WHERE expires_at IS NOT NULL AND status IN ('unread', 'read', 'clicked');

CREATE TABLE user_preferences (
  user_id TEXT PRIMARY KEY,
  muted_apps TEXT NOT NULL DEFAULT '[]',
  muted_types TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);

-- webhook_secret (and previous_secret during a rotation's grace period) are encrypted at rest when
-- ORIVA_SECRET_KEY is set ("enc:v1:" prefix), plain "whsec_" otherwise.
CREATE TABLE app_webhooks (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  webhook_url TEXT NOT NULL,
  webhook_secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at TEXT,
  subscribed_events TEXT NOT NULL DEFAULT '[]',
  description TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  disabled_reason TEXT,
  last_delivery_at TEXT,
  last_success_at TEXT,
  last_failure_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  total_deliveries INTEGER NOT NULL DEFAULT 0,
  total_failures INTEGER NOT NULL DEFAULT 0,
  max_retries INTEGER NOT NULL DEFAULT 5,
  retry_backoff_seconds INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX idx_webhooks_app ON app_webhooks(app_id);
CREATE INDEX idx_webhooks_active ON app_webhooks(is_active);

-- The outbox: one row per (webhook, event), written in the event's transaction. Its id is the
-- webhook-id header, stable across retries. seq orders listings; locked_until is the worker's lease.
CREATE TABLE webhook_deliveries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  webhook_id TEXT NOT NULL REFERENCES app_webhooks(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Due work per webhook: the worker claims each webhook's share from here, so one endpoint's backlog
-- is never scanned on behalf of another.
CREATE INDEX idx_webhook_deliveries_due ON webhook_deliveries(webhook_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX idx_webhook_deliveries_webhook ON webhook_deliveries(webhook_id, seq);

-- One row per attempt, as the design document's delivery log.
CREATE TABLE webhook_delivery_log (
  id TEXT PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  webhook_id TEXT NOT NULL REFERENCES app_webhooks(id) ON DELETE CASCADE,
  event_id TEXT,
  event_type TEXT NOT NULL,
  status_code INTEGER,
  response_body TEXT,
  response_headers TEXT,
  delivery_attempt INTEGER NOT NULL DEFAULT 1,
  delivered_at TEXT NOT NULL,
  response_time_ms INTEGER,
  success INTEGER NOT NULL,
  error_message TEXT
);
CREATE INDEX idx_webhook_log_delivery ON webhook_delivery_log(delivery_id, delivery_attempt);
CREATE INDEX idx_webhook_log_webhook ON webhook_delivery_log(webhook_id, delivered_at DESC);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER,
  response_body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX idx_idempotency_created ON idempotency_keys(created_at);
`;
