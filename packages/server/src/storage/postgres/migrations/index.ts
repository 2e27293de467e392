import { sql as initial } from './001_initial.js';

/** Numbered migrations, applied in order at start (see ../migrate.ts); each runs once. */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '001_initial', sql: initial },
];
