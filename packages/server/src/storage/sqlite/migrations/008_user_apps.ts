/**
 * Which apps know which users: the fan-out of platform events (`user.*`) reads it by user, so the
 * primary key leads with the user. Kept on publish (insert-or-ignore in the event's transaction).
 * No foreign key to apps: deleting an app leaves pairs that match nothing, and inserts stay cheap.
 */
export const sql = /* sql */ `
CREATE TABLE user_apps (
  user_id TEXT NOT NULL,
  app_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, app_id)
) WITHOUT ROWID;
`;
