import { sql as initial } from './001_initial.js';
import { sql as eventTypes } from './002_event_types.js';
import { sql as undeclaredTypes } from './003_undeclared_types.js';
import { sql as consumers } from './008_consumers.js';

/** Numbered migrations, applied in order at start (see ../migrate.ts); each runs once. */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '001_initial', sql: initial },
  { version: 2, name: '002_event_types', sql: eventTypes },
  { version: 3, name: '003_undeclared_types', sql: undeclaredTypes },
  { version: 8, name: '008_consumers', sql: consumers },
];
