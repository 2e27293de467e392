/**
 * Declared event types (the event catalogue): one row per type with its latest version, and every
 * version's schema and examples, kept as history.
 */
export const sql = /* sql */ `
CREATE TABLE event_types (
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  event_category TEXT NOT NULL,
  event_type TEXT NOT NULL,
  description TEXT,
  deprecated INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (app_id, event_category, event_type)
);
CREATE INDEX idx_event_types_category ON event_types(event_category);

CREATE TABLE event_type_versions (
  app_id TEXT NOT NULL,
  event_category TEXT NOT NULL,
  event_type TEXT NOT NULL,
  version INTEGER NOT NULL,
  schema TEXT NOT NULL,
  examples TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (app_id, event_category, event_type, version),
  FOREIGN KEY (app_id, event_category, event_type) REFERENCES event_types(app_id, event_category, event_type) ON DELETE CASCADE
);
`;
