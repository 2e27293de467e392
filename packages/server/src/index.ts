/**
 * The Oriva reference server. `startServer()` runs it; `createApp()` builds the HTTP app alone.
 */
export { createApp } from './app.js';
export { type MintUserTokenOptions, mintUserToken } from './auth/jwt.js';
export { startupBanner } from './banner.js';
export { type Config, ConfigError, loadConfig } from './config/env.js';
export { type LocalSecrets, readLocalSecrets } from './config/secrets.js';
export { type RunningServer, type StartOptions, startServer } from './server.js';
export { openSqliteStorage } from './storage/sqlite/index.js';
export type { Storage } from './storage/types.js';
