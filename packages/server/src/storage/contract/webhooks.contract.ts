import { describe, expect, it } from 'vitest';
import { attempt, event, later, outcome, webhook } from './records.test-support.js';
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
    it('stores webhook.enabled with a re-enable, only when the webhook was disabled, and forgets its health', async () => {
      const hook = webhook({ is_active: false, disabled_reason: 'gone' });
      const other = webhook();
      for (const item of [hook, other]) await storage.webhooks.create(item);
      const enabled = () =>
        event('a1', { event_category: 'webhook', event_type: 'enabled', entity_type: 'webhook', entity_id: hook.id });
      const before = await storage.events.head();
      const first = enabled();
      await storage.webhooks.update('a1', hook.id, { is_active: true, disabled_reason: null }, first);
      // Already enabled: a second re-enable stores nothing.
      await storage.webhooks.update('a1', hook.id, { is_active: true }, enabled());
      expect((await storage.events.committedAfter(before, 10)).map((item) => item.id)).toEqual([first.id]);
      // To the app's other webhooks, not the one it is about.
      expect((await storage.deliveries.list({ webhook_id: other.id, limit: 10 })).map((d) => d.event_id)).toEqual([
        first.id,
      ]);
      expect(await storage.deliveries.list({ webhook_id: hook.id, limit: 10 })).toEqual([]);

      // Its health counters start afresh with each re-enable.
      await storage.events.insert([event('a1')]);
      const [delivery] = await storage.deliveries.list({ webhook_id: hook.id, limit: 1 });
      const seen: number[] = [];
      const record = async (n: number) => {
        const base = outcome(attempt(delivery!, n, false, later(n)));
        await storage.deliveries.recordOutcome({
          ...base,
          health: { ...base.health, judge: (health) => void seen.push(health.attempts) },
        });
      };
      await record(1);
      await record(2);
      await storage.webhooks.update('a1', hook.id, { is_active: false });
      await storage.webhooks.update('a1', hook.id, { is_active: true });
      await record(3);
      expect(seen).toEqual([1, 2, 1]);
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
