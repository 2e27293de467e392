import type Database from 'better-sqlite3';
import { type OutboxRow, outboxRows } from '../outbox.js';
import type { EventRecord, WebhookRecord } from '../types.js';
import { toWebhook, type WebhookRow } from './sql/webhooks.js';

/**
 * The webhook outbox as the SQLite stores share it: every event insert writes its deliveries in the
 * same transaction (`write`), the webhook store drops its cached endpoints when one changes, and
 * after a commit that queued work the delivery worker is woken (`afterCommit`, run by the write
 * queue's flush).
 */
export function sqliteOutbox(db: Database.Database) {
  const insertDelivery = db.prepare<OutboxRow>(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (@id, @webhook_id, @event_id, @event_type, @payload, 'pending', 0, @next_attempt_at, @created_at, @created_at)`,
  );
  const selectActive = db.prepare<[string], WebhookRow>(
    'SELECT * FROM app_webhooks WHERE app_id = ? AND is_active = 1 ORDER BY id',
  );

  // Active webhooks per app, read by every event insert; dropped whenever one of the app's changes.
  const activeByApp = new Map<string, WebhookRecord[]>();
  const activeWebhooks = (appId: string) => {
    let webhooks = activeByApp.get(appId);
    if (!webhooks) {
      webhooks = selectActive.all(appId).map(toWebhook);
      activeByApp.set(appId, webhooks);
    }
    return webhooks;
  };
  const listeners = new Set<() => void>();
  let queued = false;
  /** Set while a test event is stored: it goes to its own webhook alone, so it writes no outbox rows. */
  let storingTestEvent = false;

  return {
    /** Inside an event insert's transaction: writes that event's deliveries. */
    write: (events: EventRecord[]) => {
      if (storingTestEvent) return;
      for (const event of events) {
        const webhooks = activeWebhooks(event.app_id);
        if (webhooks.length === 0) continue;
        for (const row of outboxRows(event, webhooks)) {
          insertDelivery.run(row);
          queued = true;
        }
      }
    },
    /** One delivery, written as is (a test event's). */
    insert: (row: OutboxRow) => {
      insertDelivery.run(row);
      queued = true;
    },
    /** Stores events with `insertEvents` without writing their deliveries. */
    withoutDeliveries: (insertEvents: () => void) => {
      storingTestEvent = true;
      try {
        insertEvents();
      } finally {
        storingTestEvent = false;
      }
    },
    /** An app's webhooks changed: read them again at its next event. */
    forget: (appId: string) => activeByApp.delete(appId),
    /** Deliveries became due (requeued, recovered, their webhook re-enabled): wake the worker after the commit. */
    wake: () => {
      queued = true;
    },
    /** After a commit: tell the delivery worker there is work. */
    afterCommit: () => {
      if (!queued) return;
      queued = false;
      for (const listener of listeners) listener();
    },
    onQueued: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type SqliteOutbox = ReturnType<typeof sqliteOutbox>;
