import { afterEach, describe, expect, it, vi } from 'vitest';
import { issueApiKey } from '../auth/api-keys.js';
import { API_KEY_CACHE_TTL_MS, withApiKeyCache } from './cached-api-keys.js';
import { app, at } from './contract/records.test-support.js';
import { openSqliteStorage } from './sqlite/index.js';
import type { Storage } from './types.js';

describe('the API key cache', () => {
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
  });

  async function cachedStore() {
    storage = openSqliteStorage(':memory:');
    const key = issueApiKey('a1', null, at).record;
    await storage.apps.create(app('a1'), key);
    let clock = 0;
    const lookups = vi.spyOn(storage.apps, 'findKeyByHash');
    const cached = withApiKeyCache(storage, () => clock);
    return { cached, key, lookups, advance: (ms: number) => (clock += ms) };
  }

  it('answers a known key from memory until its entry lapses', async () => {
    const { cached, key, lookups, advance } = await cachedStore();
    expect(await cached.apps.findKeyByHash(key.key_hash)).toEqual(key);
    expect(await cached.apps.findKeyByHash(key.key_hash)).toEqual(key);
    expect(lookups).toHaveBeenCalledTimes(1);
    advance(API_KEY_CACHE_TTL_MS + 1);
    expect(await cached.apps.findKeyByHash(key.key_hash)).toEqual(key);
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('never caches an unknown key, and forgets a key revoked through it at once', async () => {
    const { cached, key, lookups } = await cachedStore();
    expect(await cached.apps.findKeyByHash('unknown')).toBeUndefined();
    expect(await cached.apps.findKeyByHash('unknown')).toBeUndefined();
    expect(lookups).toHaveBeenCalledTimes(2);
    await cached.apps.findKeyByHash(key.key_hash);
    expect(await cached.apps.revokeKey('a1', key.id, at)).toBe(true);
    expect(await cached.apps.findKeyByHash(key.key_hash)).toMatchObject({ id: key.id, revoked_at: at });
    expect(lookups).toHaveBeenCalledTimes(4);
  });

  it('leaves every other port as it is', async () => {
    const { cached } = await cachedStore();
    expect(cached.events).toBe(storage!.events);
    expect(await cached.apps.get('a1')).toEqual(app('a1'));
  });
});
