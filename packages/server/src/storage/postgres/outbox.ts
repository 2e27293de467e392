import type pg from 'pg';
import { type OutboxRow, outboxRows } from '../outbox.js';
import type { EventRecord, WebhookRecord } from '../types.js';
import { WEBHOOK } from './sql/webhooks.js';

/** Inserts outbox rows (any number) in one statement. */
export async function insertDeliveries(client: pg.PoolClient, rows: OutboxRow[]): Promise<void> {
  const column = <K extends keyof OutboxRow>(key: K) => rows.map((row) => row[key]);
  await client.query(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, status, attempts, next_attempt_at,
       created_at, updated_at)
     SELECT id, webhook_id, event_id, event_type, payload, 'pending', 0, next_attempt_at, created_at, created_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       AS r(id, webhook_id, event_id, event_type, payload, next_attempt_at, created_at)`,
    [
      column('id'),
      column('webhook_id'),
      column('event_id'),
      column('event_type'),
      column('payload'),
      column('next_attempt_at'),
      column('created_at'),
    ],
  );
}

/**
 * The outbox, in the events' transaction: one delivery per matching active webhook of each event's
 * app. Other instances change webhooks too, so they are read in the transaction, not cached.
 */
export async function writeOutbox(client: pg.PoolClient, events: EventRecord[]): Promise<boolean> {
  const appIds = [...new Set(events.map((event) => event.app_id))];
  const { rows: webhooks } = await client.query<WebhookRecord>(
    `${WEBHOOK} WHERE app_id = ANY($1::text[]) AND is_active ORDER BY id`,
    [appIds],
  );
  if (webhooks.length === 0) return false;
  const byApp = new Map<string, WebhookRecord[]>();
  for (const webhook of webhooks) byApp.set(webhook.app_id, [...(byApp.get(webhook.app_id) ?? []), webhook]);
  const rows: OutboxRow[] = [];
  for (const event of events) {
    const ofApp = byApp.get(event.app_id);
    if (ofApp) rows.push(...outboxRows(event, ofApp));
  }
  if (rows.length === 0) return false;
  await insertDeliveries(client, rows);
  return true;
}
