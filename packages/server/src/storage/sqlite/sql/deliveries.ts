import { qualifiedEventType } from '@oriva/contract/events';
import type Database from 'better-sqlite3';
import { deliveryPayload, outboxRows } from '../../outbox.js';
import {
  type DeliveryAttemptRecord,
  type DeliveryRecord,
  type DeliveryStore,
  type EndpointHealth,
  type EventRecord,
  type StatsTally,
  TEST_DELIVERY_TYPE,
  type WebhookRecord,
} from '../../types.js';
import type { SqliteOutbox } from '../outbox.js';
import type { WriteQueue } from '../write-queue.js';
import { toWebhook, type WebhookRow } from './webhooks.js';

type AttemptRow = Omit<DeliveryAttemptRecord, 'success'> & { success: number };
const toAttempt = (row: AttemptRow): DeliveryAttemptRecord => ({ ...row, success: row.success === 1 });

// An aborted delivery is stored as failed with `aborted = 1` (see migration 005) and read back as `aborted`.
const DELIVERY_COLUMNS = `seq AS position, id, webhook_id, event_id, event_type, payload,
  CASE WHEN aborted = 1 THEN 'aborted' ELSE status END AS status, replay, attempts,
  next_attempt_at, locked_until, created_at, updated_at`;
const DELIVERY = `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries`;
type DeliveryRow = Omit<DeliveryRecord, 'replay'> & { replay: number };
const toDelivery = (row: DeliveryRow): DeliveryRecord => ({ ...row, replay: row.replay === 1 });

/**
 * Deliveries: claimed under leases, moved on by each attempt's outcome (with the webhook's stats, and
 * disabling it at its failure threshold), listed with their attempt logs, requeued and recovered.
 * `insertEvents` stores events inside the caller's transaction (the test event, `webhook.disabled`).
 */
export function sqliteDeliveries(
  db: Database.Database,
  write: WriteQueue,
  outbox: SqliteOutbox,
  insertEvents: (events: EventRecord[]) => void,
  tallied: (fill: (tally: StatsTally) => void) => void,
): DeliveryStore {
  // One process writes a SQLite file, so leases found at open belong to a process that is gone (a
  // crash): release them now rather than wait for them to lapse. (Several PostgreSQL instances
  // cannot do this; there a lease lapses.)
  db.prepare(
    "UPDATE webhook_deliveries SET locked_until = NULL WHERE status = 'pending' AND locked_until IS NOT NULL",
  ).run();

  const selectWebhookById = db.prepare<[string], WebhookRow>('SELECT * FROM app_webhooks WHERE id = ?');
  // What a worker may send: every due delivery of an active webhook, and test deliveries of a disabled one.
  const sendable = (isActive: string) => `(${isActive} = 1 OR d.event_type = @test_type)`;
  const webhooksWithDueWork = db.prepare<{ now: string; test_type: string }, { id: string; is_active: number }>(
    `SELECT w.id, w.is_active FROM app_webhooks w WHERE EXISTS (
       SELECT 1 FROM webhook_deliveries d
       WHERE d.webhook_id = w.id AND d.status = 'pending' AND d.next_attempt_at <= @now
         AND (d.locked_until IS NULL OR d.locked_until < @now) AND ${sendable('w.is_active')})`,
  );
  // One statement claims and leases a webhook's share: concurrent claimants never take the same delivery.
  const claimForWebhook = db.prepare<
    { webhook_id: string; is_active: number; now: string; lease: string; limit: number; test_type: string },
    DeliveryRow
  >(
    `UPDATE webhook_deliveries SET locked_until = @lease
     WHERE id IN (
       SELECT id FROM webhook_deliveries d
       WHERE webhook_id = @webhook_id AND status = 'pending' AND next_attempt_at <= @now
         AND (locked_until IS NULL OR locked_until < @now) AND ${sendable('@is_active')}
       ORDER BY next_attempt_at LIMIT @limit)
     RETURNING ${DELIVERY_COLUMNS}`,
  );
  const nextDue = db
    .prepare<{ test_type: string }>(
      `SELECT MIN(CASE WHEN d.locked_until > d.next_attempt_at THEN d.locked_until ELSE d.next_attempt_at END)
       FROM webhook_deliveries d JOIN app_webhooks w ON w.id = d.webhook_id
       WHERE d.status = 'pending' AND ${sendable('w.is_active')}`,
    )
    .pluck();
  const countPending = db.prepare("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'").pluck();
  const insertAttempt = db.prepare(
    `INSERT INTO webhook_delivery_log (id, delivery_id, webhook_id, event_id, event_type, status_code, response_body,
       response_headers, delivery_attempt, delivered_at, response_time_ms, success, error_message)
     VALUES (@id, @delivery_id, @webhook_id, @event_id, @event_type, @status_code, @response_body, @response_headers,
       @delivery_attempt, @delivered_at, @response_time_ms, @success, @error_message)`,
  );
  const moveDelivery = db.prepare<{
    id: string;
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    updated_at: string;
  }>(
    `UPDATE webhook_deliveries SET status = CASE @status WHEN 'aborted' THEN 'failed' ELSE @status END,
       aborted = (@status = 'aborted'), attempts = @attempts, next_attempt_at = @next_attempt_at,
       locked_until = NULL, updated_at = @updated_at WHERE id = @id`,
  );
  const recordStats = db.prepare<
    { id: string; at: string; success: number },
    { consecutive_failures: number; is_active: number; app_id: string }
  >(
    `UPDATE app_webhooks SET
       last_delivery_at = @at,
       last_success_at = CASE WHEN @success = 1 THEN @at ELSE last_success_at END,
       last_failure_at = CASE WHEN @success = 1 THEN last_failure_at ELSE @at END,
       consecutive_failures = CASE WHEN @success = 1 THEN 0 ELSE consecutive_failures + 1 END,
       total_deliveries = total_deliveries + 1,
       total_failures = total_failures + (1 - @success)
     WHERE id = @id AND is_active = 1 RETURNING consecutive_failures, is_active, app_id`,
  );
  // The endpoint's hourly windows roll forward as attempts complete: the window before the current one
  // keeps its counts, anything older is dropped (docs/webhooks.md, "Endpoint health").
  const countAttempt = db.prepare<
    { id: string; window: string; previous: string; failed: number },
    Omit<EndpointHealth, 'consecutive_failures'>
  >(
    `INSERT INTO webhook_health (webhook_id, window_start, attempts, failures)
     VALUES (@id, @window, 1, @failed)
     ON CONFLICT (webhook_id) DO UPDATE SET
       previous_attempts = CASE WHEN webhook_health.window_start >= @window THEN webhook_health.previous_attempts
         WHEN webhook_health.window_start = @previous THEN webhook_health.attempts ELSE 0 END,
       previous_failures = CASE WHEN webhook_health.window_start >= @window THEN webhook_health.previous_failures
         WHEN webhook_health.window_start = @previous THEN webhook_health.failures ELSE 0 END,
       attempts = CASE WHEN webhook_health.window_start >= @window THEN webhook_health.attempts ELSE 0 END + 1,
       failures = CASE WHEN webhook_health.window_start >= @window THEN webhook_health.failures ELSE 0 END + @failed,
       window_start = MAX(webhook_health.window_start, @window)
     RETURNING window_start, attempts, failures, previous_attempts, previous_failures, failing_since`,
  );
  // Only if the stored state differs, so an episode is reported once; recovering starts the counts afresh.
  const setFailing = db.prepare<{ id: string; failing_since: string | null }>(
    `UPDATE webhook_health SET failing_since = @failing_since,
       attempts = CASE WHEN @failing_since IS NULL THEN 0 ELSE attempts END,
       failures = CASE WHEN @failing_since IS NULL THEN 0 ELSE failures END,
       previous_attempts = CASE WHEN @failing_since IS NULL THEN 0 ELSE previous_attempts END,
       previous_failures = CASE WHEN @failing_since IS NULL THEN 0 ELSE previous_failures END
     WHERE webhook_id = @id AND (failing_since IS NULL) <> (@failing_since IS NULL)`,
  );
  const selectEvent = db.prepare<[string, string], EventRecord>(
    `SELECT id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data, timestamp, ip_address,
       user_agent FROM platform_events WHERE app_id = ? AND id = ? ORDER BY seq DESC LIMIT 1`,
  );
  const insertReplay = db.prepare<{
    id: string;
    webhook_id: string;
    event_id: string;
    event_type: string;
    payload: string;
    now: string;
  }>(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, status, attempts, next_attempt_at,
       created_at, updated_at, replay)
     VALUES (@id, @webhook_id, @event_id, @event_type, @payload, 'pending', 0, @now, @now, @now, 1)`,
  );
  const disable = db.prepare<{ id: string; reason: string; at: string }>(
    'UPDATE app_webhooks SET is_active = 0, disabled_reason = @reason, updated_at = @at WHERE id = @id AND is_active = 1',
  );
  const deliveryExists = db.prepare<[string]>('SELECT 1 FROM webhook_deliveries WHERE id = ?').pluck();
  const selectAttempts = db.prepare<[string], AttemptRow>(
    'SELECT * FROM webhook_delivery_log WHERE delivery_id = ? ORDER BY delivery_attempt',
  );
  const selectDelivery = db.prepare<[string, string], DeliveryRow>(`${DELIVERY} WHERE webhook_id = ? AND id = ?`);
  const requeue = db.prepare<{ webhook_id: string; id: string; now: string }>(
    `UPDATE webhook_deliveries SET status = 'pending', aborted = 0, next_attempt_at = @now, locked_until = NULL,
       updated_at = @now
     WHERE webhook_id = @webhook_id AND id = @id`,
  );
  const countFailed = db
    .prepare<{ webhook_id: string; since: string; until: string }>(
      "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = @webhook_id AND status = 'failed' AND aborted = 0 AND created_at >= @since AND created_at < @until",
    )
    .pluck();
  const recover = db.prepare<{ webhook_id: string; since: string; until: string; now: string }>(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now, locked_until = NULL, updated_at = @now
     WHERE webhook_id = @webhook_id AND status = 'failed' AND aborted = 0 AND created_at >= @since AND created_at < @until`,
  );

  const withAttempts = (row: DeliveryRow) => ({
    ...toDelivery(row),
    attempt_log: selectAttempts.all(row.id).map(toAttempt),
  });

  return {
    onQueued: outbox.onQueued,
    insertTestEvent: (event, webhookId) =>
      write(() => {
        outbox.withoutDeliveries(() => insertEvents([event]));
        const webhook = selectWebhookById.get(webhookId);
        const [row] = outboxRows(
          event,
          webhook ? [{ ...toWebhook(webhook), is_active: true, subscribed_events: ['*'] }] : [],
        );
        if (!row) throw new Error(`webhook ${webhookId} vanished`);
        outbox.insert(row);
        return row.id;
      }),
    claim: (now, limit, lease, perWebhook, inFlight) =>
      write(() => {
        const claimed: Array<{ delivery: DeliveryRecord; webhook: WebhookRecord }> = [];
        for (const { id: webhookId, is_active } of webhooksWithDueWork.all({ now, test_type: TEST_DELIVERY_TYPE })) {
          const share = Math.min(perWebhook - (inFlight.get(webhookId) ?? 0), limit - claimed.length);
          if (share <= 0) continue;
          const deliveries = claimForWebhook
            .all({
              webhook_id: webhookId,
              is_active,
              now,
              lease,
              limit: share,
              test_type: TEST_DELIVERY_TYPE,
            })
            .map(toDelivery);
          if (deliveries.length === 0) continue;
          const webhook = toWebhook(selectWebhookById.get(webhookId)!);
          for (const delivery of deliveries) claimed.push({ delivery, webhook });
          if (claimed.length >= limit) break;
        }
        return claimed;
      }),
    recordOutcome: (outcome) =>
      write(() => {
        const { attempt } = outcome;
        // Its webhook was deleted while the attempt was in flight: nothing left to record.
        if (!deliveryExists.get(attempt.delivery_id)) return false;
        insertAttempt.run({ ...attempt, success: attempt.success ? 1 : 0 });
        moveDelivery.run({
          id: attempt.delivery_id,
          status: outcome.status,
          attempts: attempt.delivery_attempt,
          next_attempt_at: outcome.next_attempt_at,
          updated_at: attempt.delivered_at,
        });
        const stats = recordStats.get({
          id: attempt.webhook_id,
          at: attempt.delivered_at,
          success: attempt.success ? 1 : 0,
        });
        if (!stats?.is_active) return true;
        const counted = countAttempt.get({
          id: attempt.webhook_id,
          window: outcome.health.window_start,
          previous: outcome.health.previous_window_start,
          failed: attempt.success ? 0 : 1,
        })!;
        const transition = outcome.health.judge({ ...counted, consecutive_failures: stats.consecutive_failures });
        if (
          transition &&
          setFailing.run({ id: attempt.webhook_id, failing_since: transition.failing_since }).changes > 0
        ) {
          insertEvents([transition.event]);
        }
        if (outcome.exhausted) insertEvents([outcome.exhausted]);
        tallied((tally) =>
          tally.attempt(
            stats.app_id,
            attempt.webhook_id,
            attempt.delivered_at,
            attempt.success,
            attempt.response_time_ms,
            outcome.status === 'failed',
          ),
        );
        const threshold = outcome.disable_on_failures;
        const disabling =
          outcome.disable ??
          (stats.consecutive_failures >= threshold.after
            ? { reason: 'too_many_failures', event: threshold.event }
            : undefined);
        if (
          disabling &&
          disable.run({ id: attempt.webhook_id, reason: disabling.reason, at: attempt.delivered_at }).changes > 0
        ) {
          const webhook = selectWebhookById.get(attempt.webhook_id)!;
          outbox.forget(webhook.app_id);
          insertEvents([disabling.event]);
        }
        return true;
      }),
    nextDue: async () => (nextDue.get({ test_type: TEST_DELIVERY_TYPE }) as string | null) ?? undefined,
    countPending: async () => countPending.get() as number,
    list: async (query) => {
      const where = ['webhook_id = @webhook_id'];
      if (query.success === true) where.push("status = 'succeeded'");
      if (query.success === false) where.push("status <> 'succeeded'");
      if (query.event_type) where.push('event_type = @event_type');
      if (query.since) where.push('created_at >= @since');
      if (query.before_position) where.push('seq < @before_position');
      const params = Object.fromEntries(
        Object.entries(query).filter(([key, value]) => value !== undefined && key !== 'success'),
      );
      return (
        db
          .prepare(`${DELIVERY} WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`)
          .all(params) as DeliveryRow[]
      ).map(withAttempts);
    },
    get: async (webhookId, id) => {
      const delivery = selectDelivery.get(webhookId, id);
      return delivery ? withAttempts(delivery) : undefined;
    },
    requeue: (webhookId, id, now) =>
      write(() => {
        if (requeue.run({ webhook_id: webhookId, id, now }).changes === 0) return false;
        outbox.wake();
        return true;
      }),
    replay: (appId, eventId, webhookId, id, now) =>
      write(() => {
        const event = selectEvent.get(appId, eventId);
        if (!event) return undefined;
        insertReplay.run({
          id,
          webhook_id: webhookId,
          event_id: event.id,
          event_type: qualifiedEventType(event),
          payload: deliveryPayload(event),
          now,
        });
        outbox.wake();
        return toDelivery(selectDelivery.get(webhookId, id)!);
      }),
    recover: (webhookId, since, until, now, dryRun) =>
      write(() => {
        if (dryRun) return countFailed.get({ webhook_id: webhookId, since, until }) as number;
        const changes = recover.run({ webhook_id: webhookId, since, until, now }).changes;
        if (changes > 0) outbox.wake();
        return changes;
      }),
  };
}
