/**
 * The event types each app declared, kept in memory so that publishing looks a type up without a
 * query. Declaring or deleting a type forgets the app's entry in this process. SQLite has one process,
 * so there the cache is always current; on PostgreSQL other instances change types too, so an entry
 * is also dropped after `POSTGRES_TTL_MS`: a change made elsewhere is honoured within that time.
 */
import type { Storage } from '../../storage/types.js';
import type { EventDataValidator } from './schema-validator.js';

export const POSTGRES_TTL_MS = 5_000;

export interface DeclaredType {
  name: string;
  version: number;
  schema: string;
  /** Compiled on first use (schema-validator.ts caches it across entries too). */
  validate?: EventDataValidator | undefined;
}

interface AppEntry {
  loadedAt: number;
  types: Promise<Map<string, DeclaredType>>;
}

// One cache per store: each test server, and each adapter, has its own.
const caches = new WeakMap<Storage, Map<string, AppEntry>>();

function cacheOf(storage: Storage): Map<string, AppEntry> {
  let cache = caches.get(storage);
  if (!cache) {
    cache = new Map();
    caches.set(storage, cache);
  }
  return cache;
}

/** The app's declared types by qualified name (latest versions). */
export function declaredTypes(storage: Storage, appId: string): Promise<Map<string, DeclaredType>> {
  const cache = cacheOf(storage);
  const entry = cache.get(appId);
  const now = Date.now();
  if (entry && (storage.kind === 'sqlite' || now - entry.loadedAt < POSTGRES_TTL_MS)) return entry.types;
  const types = storage.eventTypes.list({ app_id: appId }).then(
    (records) =>
      new Map(
        records.map((record) => {
          const name = `${record.event_category}.${record.event_type}`;
          return [name, { name, version: record.version, schema: record.schema }];
        }),
      ),
  );
  const loading = { loadedAt: now, types };
  cache.set(appId, loading);
  // A failed read is not remembered.
  types.catch(() => {
    if (cache.get(appId) === loading) cache.delete(appId);
  });
  return types;
}

/** Called after the app's types change: the next publish reads them again. */
export function forgetDeclaredTypes(storage: Storage, appId: string): void {
  cacheOf(storage).delete(appId);
}
