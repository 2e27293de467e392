import { sql as initial } from './001_initial.js';
import { sql as storageMeta } from './002_storage_meta.js';
import { sql as eventTypes } from './003_event_types.js';
import { sql as undeclaredTypes } from './004_undeclared_types.js';
import { sql as consumers } from './009_consumers.js';

/** Numbered migrations, applied in order at start; each runs once, in a transaction. */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '001_initial', sql: initial },
  { version: 2, name: '002_storage_meta', sql: storageMeta },
  { version: 3, name: '003_event_types', sql: eventTypes },
  { version: 4, name: '004_undeclared_types', sql: undeclaredTypes },
  { version: 9, name: '009_consumers', sql: consumers },
];
