import type { ApiKeyRecord, AppStore, Storage } from './types.js';

/** How long another instance's revocation can go unseen here (this instance's own are seen at once). */
export const API_KEY_CACHE_TTL_MS = 5_000;
const MAX_CACHED_KEYS = 10_000;

/**
 * Remembers found API keys for a few seconds. The lookup is a read transaction on every request
 * (~10% of ingest CPU); the cache makes it a map lookup. Revoking through this storage drops the
 * key at once, so on a single instance revocation takes effect on the very next request. Unknown
 * keys are never cached, so random keys cannot fill memory.
 */
export function withApiKeyCache(storage: Storage, now: () => number = Date.now): Storage {
  const cache = new Map<string, { record: ApiKeyRecord; expiresAt: number }>();
  const { apps } = storage;
  const cachedApps: AppStore = Object.assign(Object.create(apps) as AppStore, {
    findKeyByHash: async (keyHash: string) => {
      const hit = cache.get(keyHash);
      if (hit && hit.expiresAt > now()) return hit.record;
      const record = await apps.findKeyByHash(keyHash);
      if (record) {
        if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
        cache.set(keyHash, { record, expiresAt: now() + API_KEY_CACHE_TTL_MS });
      } else {
        cache.delete(keyHash);
      }
      return record;
    },
    revokeKey: async (appId: string, keyId: string, revokedAt: string) => {
      const revoked = await apps.revokeKey(appId, keyId, revokedAt);
      for (const [hash, entry] of cache) if (entry.record.id === keyId) cache.delete(hash);
      return revoked;
    },
  } satisfies Partial<AppStore>);
  return Object.assign(Object.create(storage) as Storage, { apps: cachedApps });
}
