/**
 * Polling consumers: each app's named cursors on the event stream. The position is a stream position,
 * so a consumer can switch to the stream (`since`) and back; it goes with the app.
 */
export const sql = /* sql */ `
CREATE TABLE consumers (
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  consumer_id TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (app_id, consumer_id)
);
`;
