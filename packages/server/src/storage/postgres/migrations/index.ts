import { sql as initial } from './001_initial.js';
import { sql as eventTypes } from './002_event_types.js';
import { sql as undeclaredTypes } from './003_undeclared_types.js';
import { sql as endpointHealth } from './004_endpoint_health.js';
import { sql as stats } from './005_stats.js';
import { sql as ed25519 } from './006_ed25519.js';
import { sql as userApps } from './007_user_apps.js';
import { sql as consumers } from './008_consumers.js';

/** Numbered migrations, applied in order at start (see ../migrate.ts); each runs once. */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '001_initial', sql: initial },
  { version: 2, name: '002_event_types', sql: eventTypes },
  { version: 3, name: '003_undeclared_types', sql: undeclaredTypes },
  { version: 4, name: '004_endpoint_health', sql: endpointHealth },
  { version: 5, name: '005_stats', sql: stats },
  { version: 6, name: '006_ed25519', sql: ed25519 },
  { version: 7, name: '007_user_apps', sql: userApps },
  { version: 8, name: '008_consumers', sql: consumers },
];
