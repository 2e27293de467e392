/**
 * Counters that must outlive the rows they count. Retention may delete every event; the next event's
 * position must still follow the largest ever handed out, or a stream resuming after it would skip.
 */
export const sql = /* sql */ `
CREATE TABLE storage_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
`;
