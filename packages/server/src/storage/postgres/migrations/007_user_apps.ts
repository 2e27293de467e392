/**
 * Which apps know which users, as in the SQLite adapter: read by user for the fan-out of platform
 * events, kept on publish with INSERT … ON CONFLICT DO NOTHING in the event's transaction.
 */
export const sql = /* sql */ `
CREATE TABLE user_apps (
  user_id TEXT COLLATE "C" NOT NULL,
  app_id TEXT COLLATE "C" NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, app_id)
);
`;
