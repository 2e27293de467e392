/**
 * Each app's policy for events whose type it has not declared (`allow`, `warn`, `reject`), as in the
 * SQLite adapter. Existing apps keep today's behaviour: `allow`.
 */
export const sql = /* sql */ `
ALTER TABLE apps ADD COLUMN undeclared_types TEXT NOT NULL DEFAULT 'allow'
  CHECK (undeclared_types IN ('allow', 'warn', 'reject'));
`;
