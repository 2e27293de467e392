import { describe, expect, it } from 'vitest';
import { later, webhook } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Webhook endpoints: create, read, update, delete. */
export function webhookStoreContract(): void {
  describe('webhooks', () => {
    it('creates, lists, updates and deletes webhooks', async () => {
      const hook = webhook({ subscribed_events: ['notification.*'], description: 'd' });
      await storage.webhooks.create(hook);
      expect(await storage.webhooks.get('a1', hook.id)).toEqual(hook);
      expect(await storage.webhooks.get('other', hook.id)).toBeUndefined();
      const second = webhook();
      await storage.webhooks.create(second);
      expect((await storage.webhooks.list('a1')).map((item) => item.id)).toEqual([hook.id, second.id]);
      const updated = await storage.webhooks.update('a1', hook.id, {
        subscribed_events: ['*'],
        is_active: false,
        disabled_reason: 'manual',
        previous_secret: 'whsec_old',
        previous_secret_expires_at: later(60),
        updated_at: later(1),
      });
      expect(updated).toEqual({
        ...hook,
        subscribed_events: ['*'],
        is_active: false,
        disabled_reason: 'manual',
        previous_secret: 'whsec_old',
        previous_secret_expires_at: later(60),
        updated_at: later(1),
      });
      expect(await storage.webhooks.count()).toEqual({ active: 1, disabled: 1 });
      expect(await storage.webhooks.update('a1', 'wh_missing', { description: 'x' })).toBeUndefined();
      expect(await storage.webhooks.delete('a1', hook.id)).toBe(true);
      expect(await storage.webhooks.delete('a1', hook.id)).toBe(false);
      expect(await storage.webhooks.list('a1')).toHaveLength(1);
    });

    it('keeps the Ed25519 scheme and key pairs, and their rotation', async () => {
      const hook = webhook({ signature_scheme: 'ed25519', signing_key: 'whsk_a', public_key: 'whpk_a' });
      await storage.webhooks.create(hook);
      expect(await storage.webhooks.get('a1', hook.id)).toEqual(hook);
      const rotated = {
        signing_key: 'whsk_b',
        public_key: 'whpk_b',
        previous_signing_key: 'whsk_a',
        previous_public_key: 'whpk_a',
        previous_signing_key_expires_at: later(60),
        updated_at: later(1),
      };
      expect(await storage.webhooks.update('a1', hook.id, rotated)).toEqual({ ...hook, ...rotated });
      const back = await storage.webhooks.update('a1', hook.id, { signature_scheme: 'hmac', updated_at: later(2) });
      expect(back).toMatchObject({ signature_scheme: 'hmac', signing_key: 'whsk_b' });
    });
  });
}
