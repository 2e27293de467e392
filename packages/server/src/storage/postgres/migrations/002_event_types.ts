/**
 * Declared event types (the event catalogue), as in the SQLite adapter: one row per type with its
 * latest version, and every version's schema and examples. Schemas stay TEXT, not JSONB, so they come
 * back byte for byte as declared (JSONB would reorder their keys).
 */
export const sql = /* sql */ `
CREATE TABLE event_types (
  app_id TEXT COLLATE "C" NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  event_category TEXT COLLATE "C" NOT NULL,
  event_type TEXT COLLATE "C" NOT NULL,
  description TEXT,
  deprecated BOOLEAN NOT NULL DEFAULT FALSE,
  version INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (app_id, event_category, event_type)
);
CREATE INDEX idx_event_types_category ON event_types(event_category);

CREATE TABLE event_type_versions (
  app_id TEXT COLLATE "C" NOT NULL,
  event_category TEXT COLLATE "C" NOT NULL,
  event_type TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  schema TEXT NOT NULL,
  examples TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (app_id, event_category, event_type, version),
  FOREIGN KEY (app_id, event_category, event_type) REFERENCES event_types(app_id, event_category, event_type) ON DELETE CASCADE
);
`;
