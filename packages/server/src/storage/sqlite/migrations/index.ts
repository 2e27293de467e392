import { sql as initial } from './001_initial.js';

/** Numbered migrations, applied in order at start; each runs once, in a transaction. */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '001_initial', sql: initial },
];
