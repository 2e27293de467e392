import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { app, at } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** The app store: apps with their first key, updates, key lookup and revocation. */
export function appStoreContract(): void {
  describe('apps', () => {
    it('creates apps with a first key, and refuses a duplicate app id', async () => {
      expect(await storage.apps.get('a1')).toEqual(app('a1'));
      expect(await storage.apps.listKeys('a1')).toHaveLength(1);
      await expect(storage.apps.create(app('a1'), issueApiKey('a1', null, at).record)).rejects.toThrow();
      expect(await storage.apps.list()).toHaveLength(1);
    });

    it('updates only the fields given', async () => {
      const updated = await storage.apps.update(
        'a1',
        { icon_url: 'https://x.example/i.png' },
        '2025-10-01T00:00:00.000Z',
      );
      expect(updated).toMatchObject({
        name: 'a1',
        icon_url: 'https://x.example/i.png',
        updated_at: '2025-10-01T00:00:00.000Z',
      });
      expect(await storage.apps.update('a1', { name: 'A one' }, at)).toMatchObject({
        name: 'A one',
        icon_url: 'https://x.example/i.png',
      });
      expect(await storage.apps.update('missing', { name: 'x' }, at)).toBeUndefined();
    });

    it('finds keys by hash and revokes them once', async () => {
      const { record } = issueApiKey('a1', 'second', at);
      await storage.apps.createKey(record);
      expect(await storage.apps.findKeyByHash(record.key_hash)).toEqual(record);
      expect(await storage.apps.revokeKey('a1', record.id, at)).toBe(true);
      expect(await storage.apps.revokeKey('a1', record.id, at)).toBe(false);
      expect((await storage.apps.findKeyByHash(record.key_hash))?.revoked_at).toBe(at);
      expect(await storage.apps.revokeKey('other-app', record.id, at)).toBe(false);
    });
  });
}
