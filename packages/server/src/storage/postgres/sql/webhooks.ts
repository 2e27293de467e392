import type pg from 'pg';
import { WEBHOOK_UPDATABLE_COLUMNS, type WebhookRecord, type WebhookStore } from '../../types.js';
import { Params } from '../db.js';
import type { RunTx } from '../transactions.js';

export const WEBHOOK_FIELDS = [
  'id',
  'app_id',
  'webhook_url',
  'webhook_secret',
  'previous_secret',
  'previous_secret_expires_at',
  'signature_scheme',
  'signing_key',
  'public_key',
  'previous_signing_key',
  'previous_public_key',
  'previous_signing_key_expires_at',
  'subscribed_events',
  'description',
  'is_active',
  'disabled_reason',
  'last_delivery_at',
  'last_success_at',
  'last_failure_at',
  'consecutive_failures',
  'total_deliveries',
  'total_failures',
  'max_retries',
  'retry_backoff_seconds',
  'created_at',
  'updated_at',
] as const;
export const DELIVERY_FIELDS = [
  'position',
  'id',
  'webhook_id',
  'event_id',
  'event_type',
  'payload',
  'status',
  'replay',
  'attempts',
  'next_attempt_at',
  'locked_until',
  'created_at',
  'updated_at',
] as const;
export const WEBHOOK = `SELECT ${WEBHOOK_FIELDS.join(', ')} FROM app_webhooks`;
export const DELIVERY = `SELECT ${DELIVERY_FIELDS.join(', ')} FROM webhook_deliveries`;
export const ATTEMPT = `SELECT id, delivery_id, webhook_id, event_id, event_type, status_code, response_body, response_headers,
  delivery_attempt, delivered_at, response_time_ms, success, error_message FROM webhook_delivery_log`;

const CASTS: Partial<Record<keyof WebhookRecord, string>> = {
  subscribed_events: '::text[]',
  previous_secret_expires_at: '::timestamptz',
  previous_signing_key_expires_at: '::timestamptz',
  is_active: '::boolean',
};

export const selectWebhook = async (db: pg.Pool | pg.PoolClient, appId: string, id: string) =>
  (await db.query<WebhookRecord>(`${WEBHOOK} WHERE app_id = $1 AND id = $2`, [appId, id])).rows[0];

/** Webhook endpoints. Other instances change them too, so nothing is cached (the outbox reads them in its transaction). */
export function postgresWebhooks(pool: pg.Pool, runTx: RunTx): WebhookStore {
  return {
    create: (webhook) =>
      runTx(async ({ client }) => {
        await client.query(
          `INSERT INTO app_webhooks (id, app_id, webhook_url, webhook_secret, previous_secret, previous_secret_expires_at,
             subscribed_events, description, is_active, disabled_reason, max_retries, retry_backoff_seconds, created_at,
             updated_at, signature_scheme, signing_key, public_key, previous_signing_key, previous_public_key,
             previous_signing_key_expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
          [
            webhook.id,
            webhook.app_id,
            webhook.webhook_url,
            webhook.webhook_secret,
            webhook.previous_secret,
            webhook.previous_secret_expires_at,
            webhook.subscribed_events,
            webhook.description,
            webhook.is_active,
            webhook.disabled_reason,
            webhook.max_retries,
            webhook.retry_backoff_seconds,
            webhook.created_at,
            webhook.updated_at,
            webhook.signature_scheme,
            webhook.signing_key,
            webhook.public_key,
            webhook.previous_signing_key,
            webhook.previous_public_key,
            webhook.previous_signing_key_expires_at,
          ],
        );
      }),
    get: (appId, id) => selectWebhook(pool, appId, id),
    list: async (appId) => (await pool.query<WebhookRecord>(`${WEBHOOK} WHERE app_id = $1 ORDER BY id`, [appId])).rows,
    update: (appId, id, changes, enabledEvent) =>
      runTx(async (tx) => {
        // Locked to the commit, so of two concurrent re-enables one sees it disabled and reports it.
        const enabling =
          changes.is_active === true &&
          (
            await tx.client.query<{ is_active: boolean }>(
              'SELECT is_active FROM app_webhooks WHERE app_id = $1 AND id = $2 FOR UPDATE',
              [appId, id],
            )
          ).rows[0]?.is_active === false;
        const columns = WEBHOOK_UPDATABLE_COLUMNS.filter((column) => changes[column] !== undefined);
        if (columns.length > 0) {
          const params = new Params();
          const assignments = columns.map(
            (column) => `${column} = ${params.add(changes[column])}${CASTS[column] ?? ''}`,
          );
          assignments.push(`updated_at = ${params.add(changes.updated_at ?? new Date().toISOString())}`);
          await tx.client.query(
            `UPDATE app_webhooks SET ${assignments.join(', ')} WHERE app_id = ${params.add(appId)} AND id = ${params.add(id)}`,
            params.values,
          );
        }
        if (enabling) {
          // Re-enabled: its health starts afresh, as its failure count does.
          await tx.client.query('DELETE FROM webhook_health WHERE webhook_id = $1', [id]);
          if (enabledEvent) tx.addEvents([enabledEvent]);
        }
        // Re-enabled: its pending deliveries are due again, so wake the worker.
        if (changes.is_active === true) tx.deliveriesQueued();
        return selectWebhook(tx.client, appId, id);
      }),
    delete: async (appId, id) =>
      ((await pool.query('DELETE FROM app_webhooks WHERE app_id = $1 AND id = $2', [appId, id])).rowCount ?? 0) > 0,
    count: async () => {
      const { rows } = await pool.query<{ active: number; disabled: number }>(
        'SELECT COUNT(*) FILTER (WHERE is_active)::int AS active, COUNT(*) FILTER (WHERE NOT is_active)::int AS disabled FROM app_webhooks',
      );
      return { active: rows[0]?.active ?? 0, disabled: rows[0]?.disabled ?? 0 };
    },
  };
}
