import type Database from 'better-sqlite3';
import { type EventRecord, WEBHOOK_UPDATABLE_COLUMNS, type WebhookRecord, type WebhookStore } from '../../types.js';
import type { SqliteOutbox } from '../outbox.js';
import type { WriteQueue } from '../write-queue.js';

export type WebhookRow = Omit<WebhookRecord, 'subscribed_events' | 'is_active'> & {
  subscribed_events: string;
  is_active: number;
};

export const toWebhook = (row: WebhookRow): WebhookRecord => ({
  ...row,
  subscribed_events: JSON.parse(row.subscribed_events),
  is_active: row.is_active === 1,
});

const webhookRow = (webhook: Partial<WebhookRecord>) => ({
  ...webhook,
  ...(webhook.subscribed_events ? { subscribed_events: JSON.stringify(webhook.subscribed_events) } : {}),
  ...(webhook.is_active !== undefined ? { is_active: webhook.is_active ? 1 : 0 } : {}),
});

/**
 * Webhook endpoints. Every change drops the app's endpoints cached by the outbox. `insertEvents` stores
 * events inside the caller's transaction (`webhook.enabled`).
 */
export function sqliteWebhooks(
  db: Database.Database,
  write: WriteQueue,
  outbox: SqliteOutbox,
  insertEvents: (events: EventRecord[]) => void,
): WebhookStore {
  const insertWebhook = db.prepare(
    `INSERT INTO app_webhooks (id, app_id, webhook_url, webhook_secret, previous_secret, previous_secret_expires_at,
       signature_scheme, signing_key, public_key, previous_signing_key, previous_public_key,
       previous_signing_key_expires_at, subscribed_events, description, is_active, disabled_reason, max_retries,
       retry_backoff_seconds, created_at, updated_at)
     VALUES (@id, @app_id, @webhook_url, @webhook_secret, @previous_secret, @previous_secret_expires_at,
       @signature_scheme, @signing_key, @public_key, @previous_signing_key, @previous_public_key,
       @previous_signing_key_expires_at, @subscribed_events, @description, @is_active, @disabled_reason, @max_retries,
       @retry_backoff_seconds, @created_at, @updated_at)`,
  );
  const selectWebhook = db.prepare<[string, string], WebhookRow>(
    'SELECT * FROM app_webhooks WHERE app_id = ? AND id = ?',
  );
  const selectWebhooks = db.prepare<[string], WebhookRow>('SELECT * FROM app_webhooks WHERE app_id = ? ORDER BY id');
  const isActive = db
    .prepare<[string, string]>('SELECT is_active FROM app_webhooks WHERE app_id = ? AND id = ?')
    .pluck();
  // Re-enabled: its health starts afresh, as its failure count does.
  const forgetHealth = db.prepare<[string]>('DELETE FROM webhook_health WHERE webhook_id = ?');
  const deleteWebhook = db.prepare<[string, string]>('DELETE FROM app_webhooks WHERE app_id = ? AND id = ?');
  const countByState = db.prepare<[], { active: number | null; disabled: number | null }>(
    'SELECT SUM(is_active) AS active, SUM(1 - is_active) AS disabled FROM app_webhooks',
  );

  return {
    create: (webhook) =>
      write(() => {
        insertWebhook.run(webhookRow(webhook));
        outbox.forget(webhook.app_id);
      }),
    get: async (appId, id) => {
      const row = selectWebhook.get(appId, id);
      return row ? toWebhook(row) : undefined;
    },
    list: async (appId) => selectWebhooks.all(appId).map(toWebhook),
    update: (appId, id, changes, enabledEvent) =>
      write(() => {
        const enabling = changes.is_active === true && isActive.get(appId, id) === 0;
        const columns = WEBHOOK_UPDATABLE_COLUMNS.filter((column) => changes[column] !== undefined);
        if (columns.length > 0) {
          db.prepare(
            `UPDATE app_webhooks SET ${[...columns.map((column) => `${column} = @${column}`), 'updated_at = @updated_at'].join(', ')} WHERE app_id = @app_id AND id = @id`,
          ).run({
            ...webhookRow(changes),
            updated_at: changes.updated_at ?? new Date().toISOString(),
            app_id: appId,
            id,
          });
        }
        outbox.forget(appId);
        if (enabling) {
          forgetHealth.run(id);
          if (enabledEvent) insertEvents([enabledEvent]);
        }
        // Re-enabled: its pending deliveries are due again, so wake the worker.
        if (changes.is_active === true) outbox.wake();
        const row = selectWebhook.get(appId, id);
        return row ? toWebhook(row) : undefined;
      }),
    delete: (appId, id) =>
      write(() => {
        outbox.forget(appId);
        return deleteWebhook.run(appId, id).changes > 0;
      }),
    count: async () => {
      const row = countByState.get();
      return { active: row?.active ?? 0, disabled: row?.disabled ?? 0 };
    },
  };
}
