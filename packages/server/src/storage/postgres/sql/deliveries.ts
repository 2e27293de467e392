import { qualifiedEventType } from '@oriva/contract/events';
import type pg from 'pg';
import { deliveryPayload, outboxRows } from '../../outbox.js';
import {
  type DeliveryAttemptRecord,
  type DeliveryRecord,
  type DeliveryStore,
  type EndpointHealth,
  type EventRecord,
  TEST_DELIVERY_TYPE,
  type WebhookRecord,
} from '../../types.js';
import { Params } from '../db.js';
import { insertDeliveries } from '../outbox.js';
import type { Transactions } from '../transactions.js';
import { ATTEMPT, DELIVERY, DELIVERY_FIELDS, WEBHOOK, WEBHOOK_FIELDS } from './webhooks.js';

/** PostgreSQL's foreign_key_violation. */
const FOREIGN_KEY_VIOLATION = '23503';

/** The most delivery outcomes one commit records. */
const MAX_GROUP_OUTCOMES = 200;

/**
 * Deliveries: claimed with SKIP LOCKED and leases, moved on by each attempt's outcome (with the
 * webhook's stats, and disabling it at its failure threshold), listed with their attempt logs,
 * requeued and recovered.
 */
export function postgresDeliveries(pool: pg.Pool, transactions: Transactions): DeliveryStore {
  const { runTx } = transactions;
  const outcomes = transactions.group(MAX_GROUP_OUTCOMES);
  const withAttempts = async (deliveries: DeliveryRecord[]) => {
    if (deliveries.length === 0) return [];
    const { rows } = await pool.query<DeliveryAttemptRecord>(
      `${ATTEMPT} WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, delivery_attempt`,
      [deliveries.map((delivery) => delivery.id)],
    );
    const byDelivery = new Map<string, DeliveryAttemptRecord[]>();
    for (const row of rows) byDelivery.set(row.delivery_id, [...(byDelivery.get(row.delivery_id) ?? []), row]);
    return deliveries.map((delivery) => ({ ...delivery, attempt_log: byDelivery.get(delivery.id) ?? [] }));
  };

  return {
    onQueued: transactions.onDeliveriesQueued,
    insertTestEvent: (event, webhookId) =>
      runTx(async (tx) => {
        // The test goes to this webhook alone: the event writes no outbox rows of its own.
        tx.addEvents([event], true);
        const { rows } = await tx.client.query<WebhookRecord>(`${WEBHOOK} WHERE id = $1`, [webhookId]);
        const [row] = outboxRows(event, rows[0] ? [{ ...rows[0], is_active: true, subscribed_events: ['*'] }] : []);
        if (!row) throw new Error(`webhook ${webhookId} vanished`);
        await insertDeliveries(tx.client, [row]);
        tx.deliveriesQueued();
        return row.id;
      }),
    /**
     * One statement: each webhook's share of its due deliveries (oldest due first; of a disabled
     * webhook, only test deliveries), locked
     * FOR UPDATE SKIP LOCKED so concurrent claimants (other instances) skip each other's rows, and a
     * row another claimant leased meanwhile is re-checked against the lease and dropped.
     */
    claim: async (now, limit, lease, perWebhook, inFlight) => {
      if (limit <= 0) return [];
      const webhookColumns = WEBHOOK_FIELDS.map((field) => `w.${field} AS "w.${field}"`).join(', ');
      const { rows } = await pool.query<Record<string, unknown>>(
        `WITH in_flight AS (
           SELECT key AS webhook_id, value::int AS n FROM jsonb_each_text($4::jsonb)
         ), shares AS (
           SELECT w.id, w.is_active, GREATEST($5::int - COALESCE(f.n, 0), 0) AS share
           FROM app_webhooks w LEFT JOIN in_flight f ON f.webhook_id = w.id
         ), picked AS (
           SELECT due.id FROM shares s CROSS JOIN LATERAL (
             SELECT d.id, d.next_attempt_at, d.position FROM webhook_deliveries d
             WHERE d.webhook_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= $1::timestamptz
               AND (d.locked_until IS NULL OR d.locked_until < $1::timestamptz)
               AND (s.is_active OR d.event_type = $6)
             ORDER BY d.next_attempt_at, d.position
             LIMIT LEAST(s.share, $2)
             FOR UPDATE OF d SKIP LOCKED
           ) due
           WHERE s.share > 0
           ORDER BY due.next_attempt_at, due.position
           LIMIT $2
         )
         UPDATE webhook_deliveries d SET locked_until = $3::timestamptz
         FROM picked p, app_webhooks w
         WHERE d.id = p.id AND w.id = d.webhook_id
         RETURNING ${DELIVERY_FIELDS.map((field) => `d.${field}`).join(', ')}, ${webhookColumns}`,
        [now, limit, lease, JSON.stringify(Object.fromEntries(inFlight)), perWebhook, TEST_DELIVERY_TYPE],
      );
      const claimed = rows.map((row) => {
        const delivery: Record<string, unknown> = {};
        const webhook: Record<string, unknown> = {};
        for (const field of DELIVERY_FIELDS) delivery[field] = row[field];
        for (const field of WEBHOOK_FIELDS) webhook[field] = row[`w.${field}`];
        return { delivery: delivery as unknown as DeliveryRecord, webhook: webhook as unknown as WebhookRecord };
      });
      // Grouped by webhook, oldest due first, as the SQLite adapter hands them out.
      const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return claimed.sort(
        (a, b) =>
          compare(a.delivery.webhook_id, b.delivery.webhook_id) ||
          compare(a.delivery.next_attempt_at ?? '', b.delivery.next_attempt_at ?? '') ||
          a.delivery.position - b.delivery.position,
      );
    },
    /**
     * The attempt's log row, the delivery's next state and the webhook's stats in one statement: one
     * round trip and its own transaction. Every attempt to an endpoint updates that webhook's row, so
     * the row lock must last no longer than this statement, or attempts queue behind each other.
     * Disabling (rare) follows in a transaction of its own with its `webhook.disabled` event; the
     * stats it reads are already stored, so a crash between the two disables on the next failure.
     *
     * A delivery whose webhook was deleted while the attempt was in flight is gone: the statement
     * then records nothing, and a deletion still committing when it runs (the log row's foreign key
     * fails) ends the same way.
     */
    recordOutcome: async (outcome) => {
      const { attempt } = outcome;
      // Every outcome updates its webhook's row (the stats), so outcomes of one webhook would commit
      // one at a time behind that row lock, one fsync each: they share commits instead.
      type Stats = {
        recorded: boolean;
        consecutive_failures: number | null;
        is_active: boolean | null;
        app_id: string | null;
      } & {
        [K in Exclude<keyof EndpointHealth, 'consecutive_failures'>]: EndpointHealth[K] | null;
      };
      let stats: Stats | undefined;
      try {
        stats = await outcomes(async (tx) => {
          const { rows } = await tx.client.query<Stats>(
            `WITH live AS (
             SELECT id FROM webhook_deliveries WHERE id = $2
           ), logged AS (
             INSERT INTO webhook_delivery_log (id, delivery_id, webhook_id, event_id, event_type, status_code,
               response_body, response_headers, delivery_attempt, delivered_at, response_time_ms, success, error_message)
             SELECT $1::text, live.id, $3::text, $4::text, $5::text, $6::int, $7::text, $8::jsonb, $9::int,
               $10::timestamptz, $11::int, $12::boolean, $13::text
             FROM live
           ), moved AS (
             UPDATE webhook_deliveries SET status = $14, attempts = $9, next_attempt_at = $15::timestamptz,
               locked_until = NULL, updated_at = $10::timestamptz
             WHERE id = $2
           ), counted AS (
             UPDATE app_webhooks SET
               last_delivery_at = $10::timestamptz,
               last_success_at = CASE WHEN $12::boolean THEN $10::timestamptz ELSE last_success_at END,
               last_failure_at = CASE WHEN $12::boolean THEN last_failure_at ELSE $10::timestamptz END,
               consecutive_failures = CASE WHEN $12::boolean THEN 0 ELSE consecutive_failures + 1 END,
               total_deliveries = total_deliveries + 1,
               total_failures = total_failures + CASE WHEN $12::boolean THEN 0 ELSE 1 END
             WHERE id = $3 AND is_active AND EXISTS (SELECT 1 FROM live)
             RETURNING consecutive_failures, is_active, app_id
           ), health AS (
             -- The hourly windows roll forward as attempts complete: the window before the current one
             -- keeps its counts, anything older is dropped (docs/webhooks.md, "Endpoint health").
             INSERT INTO webhook_health AS h (webhook_id, window_start, attempts, failures)
             SELECT $3::text, $16::timestamptz, 1, CASE WHEN $12::boolean THEN 0 ELSE 1 END FROM counted
             ON CONFLICT (webhook_id) DO UPDATE SET
               previous_attempts = CASE WHEN h.window_start >= $16::timestamptz THEN h.previous_attempts
                 WHEN h.window_start = $17::timestamptz THEN h.attempts ELSE 0 END,
               previous_failures = CASE WHEN h.window_start >= $16::timestamptz THEN h.previous_failures
                 WHEN h.window_start = $17::timestamptz THEN h.failures ELSE 0 END,
               attempts = CASE WHEN h.window_start >= $16::timestamptz THEN h.attempts ELSE 0 END + 1,
               failures = CASE WHEN h.window_start >= $16::timestamptz THEN h.failures ELSE 0 END + EXCLUDED.failures,
               window_start = GREATEST(h.window_start, $16::timestamptz)
             RETURNING window_start, attempts, failures, previous_attempts, previous_failures, failing_since
           )
           SELECT EXISTS (SELECT 1 FROM live) AS recorded, counted.consecutive_failures, counted.is_active, counted.app_id,
             health.window_start, health.attempts, health.failures, health.previous_attempts,
             health.previous_failures, health.failing_since
           FROM (SELECT 1) AS one LEFT JOIN counted ON true LEFT JOIN health ON true`,
            [
              attempt.id,
              attempt.delivery_id,
              attempt.webhook_id,
              attempt.event_id,
              attempt.event_type,
              attempt.status_code,
              attempt.response_body,
              attempt.response_headers,
              attempt.delivery_attempt,
              attempt.delivered_at,
              attempt.response_time_ms,
              attempt.success,
              attempt.error_message,
              outcome.status,
              outcome.next_attempt_at,
              outcome.health.window_start,
              outcome.health.previous_window_start,
            ],
          );
          const row = rows[0];
          if (row?.app_id) {
            tx.tally.attempt(
              row.app_id,
              attempt.webhook_id,
              attempt.delivered_at,
              attempt.success,
              attempt.response_time_ms,
              outcome.status === 'failed',
            );
          }
          return row;
        });
      } catch (error) {
        if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
        throw error;
      }
      if (!stats?.recorded) return false;
      // A disabled webhook's stats stand still (a test delivery to it counts nothing).
      if (!stats.is_active || stats.consecutive_failures === null || stats.window_start === null) return true;
      const failures = stats.consecutive_failures;
      const transition = outcome.health.judge({
        window_start: stats.window_start,
        attempts: stats.attempts ?? 0,
        failures: stats.failures ?? 0,
        previous_attempts: stats.previous_attempts ?? 0,
        previous_failures: stats.previous_failures ?? 0,
        failing_since: stats.failing_since,
        consecutive_failures: failures,
      });
      const threshold = outcome.disable_on_failures;
      const disabling =
        outcome.disable ??
        (failures >= threshold.after ? { reason: 'too_many_failures', event: threshold.event } : undefined);
      if (!disabling && !transition && !outcome.exhausted) return true;
      // Rare: health changes, spent deliveries and disabling, each with its event, in one transaction.
      await runTx(async (tx) => {
        if (transition) {
          // Only if the stored state differs, so an episode is reported once across instances;
          // recovering starts the counts afresh.
          const changed = await tx.client.query(
            `UPDATE webhook_health SET failing_since = $2::timestamptz,
               attempts = CASE WHEN $2::timestamptz IS NULL THEN 0 ELSE attempts END,
               failures = CASE WHEN $2::timestamptz IS NULL THEN 0 ELSE failures END,
               previous_attempts = CASE WHEN $2::timestamptz IS NULL THEN 0 ELSE previous_attempts END,
               previous_failures = CASE WHEN $2::timestamptz IS NULL THEN 0 ELSE previous_failures END
             WHERE webhook_id = $1 AND (failing_since IS NULL) <> ($2::timestamptz IS NULL)`,
            [attempt.webhook_id, transition.failing_since],
          );
          if ((changed.rowCount ?? 0) > 0) tx.addEvents([transition.event]);
        }
        if (outcome.exhausted) tx.addEvents([outcome.exhausted]);
        if (!disabling) return;
        const disabled = await tx.client.query(
          'UPDATE app_webhooks SET is_active = false, disabled_reason = $2, updated_at = $3 WHERE id = $1 AND is_active',
          [attempt.webhook_id, disabling.reason, attempt.delivered_at],
        );
        if ((disabled.rowCount ?? 0) > 0) tx.addEvents([disabling.event]);
      });
      return true;
    },
    nextDue: async () =>
      (
        await pool.query<{ due: string | null }>(
          `SELECT MIN(GREATEST(d.locked_until, d.next_attempt_at)) AS due
           FROM webhook_deliveries d JOIN app_webhooks w ON w.id = d.webhook_id
           WHERE d.status = 'pending' AND (w.is_active OR d.event_type = $1)`,
          [TEST_DELIVERY_TYPE],
        )
      ).rows[0]?.due ?? undefined,
    countPending: async () =>
      (await pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'"))
        .rows[0]!.n,
    list: async (query) => {
      const params = new Params();
      const where = [`webhook_id = ${params.add(query.webhook_id)}`];
      if (query.success === true) where.push("status = 'succeeded'");
      if (query.success === false) where.push("status <> 'succeeded'");
      if (query.event_type) where.push(`event_type = ${params.add(query.event_type)}`);
      if (query.since) where.push(`created_at >= ${params.add(query.since)}::timestamptz`);
      if (query.before_position) where.push(`position < ${params.add(query.before_position)}`);
      const { rows } = await pool.query<DeliveryRecord>(
        `${DELIVERY} WHERE ${where.join(' AND ')} ORDER BY position DESC LIMIT ${params.add(query.limit)}`,
        params.values,
      );
      return withAttempts(rows);
    },
    get: async (webhookId, id) => {
      const { rows } = await pool.query<DeliveryRecord>(`${DELIVERY} WHERE webhook_id = $1 AND id = $2`, [
        webhookId,
        id,
      ]);
      return rows[0] ? (await withAttempts(rows))[0] : undefined;
    },
    requeue: async (webhookId, id, now) => {
      const result = await pool.query(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $3, locked_until = NULL, updated_at = $3
         WHERE webhook_id = $1 AND id = $2`,
        [webhookId, id, now],
      );
      if ((result.rowCount ?? 0) === 0) return false;
      transactions.deliveriesQueued();
      return true;
    },
    replay: (appId, eventId, webhookId, id, now) =>
      runTx(async (tx) => {
        const { rows } = await tx.client.query<EventRecord>(
          `SELECT id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data,
             "timestamp", ip_address, user_agent
           FROM platform_events WHERE app_id = $1 AND id = $2 ORDER BY position DESC LIMIT 1`,
          [appId, eventId],
        );
        const event = rows[0];
        if (!event) return undefined;
        const inserted = await tx.client.query<DeliveryRecord>(
          `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, status, attempts,
             next_attempt_at, created_at, updated_at, replay)
           VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6, $6, true)
           RETURNING ${DELIVERY_FIELDS.join(', ')}`,
          [id, webhookId, event.id, qualifiedEventType(event), deliveryPayload(event), now],
        );
        tx.deliveriesQueued();
        return inserted.rows[0];
      }),
    recover: async (webhookId, since, until, now, dryRun) => {
      if (dryRun) {
        const { rows } = await pool.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM webhook_deliveries
           WHERE webhook_id = $1 AND status = 'failed' AND created_at >= $2 AND created_at < $3`,
          [webhookId, since, until],
        );
        return rows[0]!.n;
      }
      const result = await pool.query(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $4, locked_until = NULL, updated_at = $4
         WHERE webhook_id = $1 AND status = 'failed' AND created_at >= $2 AND created_at < $3`,
        [webhookId, since, until, now],
      );
      const changes = result.rowCount ?? 0;
      if (changes > 0) transactions.deliveriesQueued();
      return changes;
    },
  };
}
