import { sql as initial } from './001_initial.js';
import { sql as storageMeta } from './002_storage_meta.js';
import { sql as eventTypes } from './003_event_types.js';
import { sql as undeclaredTypes } from './004_undeclared_types.js';
import { sql as endpointHealth } from './005_endpoint_health.js';
import { sql as stats } from './006_stats.js';
import { sql as ed25519 } from './007_ed25519.js';
import { sql as userApps } from './008_user_apps.js';
import { sql as consumers } from './009_consumers.js';

/** Numbered migrations, applied in order at start; each runs once, in a transaction. */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '001_initial', sql: initial },
  { version: 2, name: '002_storage_meta', sql: storageMeta },
  { version: 3, name: '003_event_types', sql: eventTypes },
  { version: 4, name: '004_undeclared_types', sql: undeclaredTypes },
  { version: 5, name: '005_endpoint_health', sql: endpointHealth },
  { version: 6, name: '006_stats', sql: stats },
  { version: 7, name: '007_ed25519', sql: ed25519 },
  { version: 8, name: '008_user_apps', sql: userApps },
  { version: 9, name: '009_consumers', sql: consumers },
];
