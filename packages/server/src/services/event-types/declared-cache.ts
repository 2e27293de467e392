/**
 * The event types each app declared, and its `undeclared_types` policy, kept in memory so that
 * publishing looks a type up without a query. Declaring or deleting a type, or changing the app's policy, forgets the app's entry in this process. SQLite has one process,
 * so there the cache is always current; on PostgreSQL other instances change types too, so an entry
 * is also dropped after `POSTGRES_TTL_MS`: a change made elsewhere is honoured within that time.
 */
import type { Storage, UndeclaredTypesPolicy } from '../../storage/types.js';
import type { EventDataValidator } from './schema-validator.js';

export const POSTGRES_TTL_MS = 5_000;

export interface DeclaredType {
  name: string;
  version: number;
  schema: string;
  /** Compiled on first use (schema-validator.ts caches it across entries too). */
  validate?: EventDataValidator | undefined;
}

export interface AppCatalogue {
  /** By qualified name, latest versions. */
  types: Map<string, DeclaredType>;
  undeclaredTypes: UndeclaredTypesPolicy;
}

interface AppEntry {
  loadedAt: number;
  catalogue: Promise<AppCatalogue>;
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

/** The app's declared types (latest versions) and its policy for the others. */
export function declaredTypes(storage: Storage, appId: string): Promise<AppCatalogue> {
  const cache = cacheOf(storage);
  const entry = cache.get(appId);
  const now = Date.now();
  if (entry && (storage.kind === 'sqlite' || now - entry.loadedAt < POSTGRES_TTL_MS)) return entry.catalogue;
  const catalogue = Promise.all([storage.eventTypes.list({ app_id: appId }), storage.apps.get(appId)]).then(
    ([records, app]): AppCatalogue => ({
      types: new Map(
        records.map((record) => {
          const name = `${record.event_category}.${record.event_type}`;
          return [name, { name, version: record.version, schema: record.schema }];
        }),
      ),
      undeclaredTypes: app?.undeclared_types ?? 'allow',
    }),
  );
  const loading = { loadedAt: now, catalogue };
  cache.set(appId, loading);
  // A failed read is not remembered.
  catalogue.catch(() => {
    if (cache.get(appId) === loading) cache.delete(appId);
  });
  return catalogue;
}

/** Called after the app's types or policy change: the next publish reads them again. */
export function forgetDeclaredTypes(storage: Storage, appId: string): void {
  cacheOf(storage).delete(appId);
}
