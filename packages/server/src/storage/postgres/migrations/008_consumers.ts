/**
 * Polling consumers: each app's named cursors on the event stream, as in the SQLite adapter. The
 * position is a stream position (events.position), so a consumer can switch to the stream and back.
 */
export const sql = /* sql */ `
CREATE TABLE consumers (
  app_id TEXT COLLATE "C" NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  consumer_id TEXT COLLATE "C" NOT NULL,
  position BIGINT NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (app_id, consumer_id)
);
`;
