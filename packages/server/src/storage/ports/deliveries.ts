/** The webhook outbox: deliveries, their leases and retries, and the log of every attempt. */
import type { EventRecord } from './events.js';
import type { WebhookRecord } from './webhooks.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface DeliveryRecord {
  position: number;
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  /** The request body, exactly as signed and sent. */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryAttemptRecord {
  id: string;
  delivery_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status_code: number | null;
  response_body: string | null;
  /** Serialized JSON object. */
  response_headers: string | null;
  delivery_attempt: number;
  delivered_at: string;
  response_time_ms: number | null;
  success: boolean;
  error_message: string | null;
}

/**
 * The type of the event `POST …/webhooks/{id}/test` sends. Its delivery goes to that webhook alone,
 * and is sent even while the webhook is disabled: that is how an operator learns a receiver works
 * again before re-enabling it.
 */
export const TEST_DELIVERY_TYPE = 'webhook.test';

/** What one attempt did, and what happens next: recorded in one transaction. */
export interface DeliveryOutcome {
  attempt: DeliveryAttemptRecord;
  status: DeliveryStatus;
  next_attempt_at: string | null;
  /** Disable the webhook now (410 Gone), with the event that says so. */
  disable?: { reason: string; event: EventRecord } | undefined;
  /**
   * The failure threshold, as data the adapter checks in the outcome's transaction: when the webhook's
   * consecutive failures reach `after`, it is disabled (`too_many_failures`) and `event` is stored.
   */
  disable_on_failures: { after: number; event: EventRecord };
}

export interface DeliveryQuery {
  webhook_id: string;
  success?: boolean | undefined;
  event_type?: string | undefined;
  since?: string | undefined;
  before_position?: number | undefined;
  limit: number;
}

export type DeliveryWithAttempts = DeliveryRecord & { attempt_log: DeliveryAttemptRecord[] };

export interface DeliveryStore {
  /** Calls `listener` after a commit that queued webhook deliveries; returns an unsubscribe function. */
  onQueued(listener: () => void): () => void;
  /**
   * Stores an event (`webhook.test`) with one delivery, to this webhook, active or not, and none to
   * any other webhook whatever it subscribes to; returns the delivery id.
   */
  insertTestEvent(event: EventRecord, webhookId: string): Promise<string>;
  /**
   * Leases due deliveries of active webhooks (and test deliveries of disabled ones) until `leaseUntil`:
   * at most `limit` in all and at most `perWebhook` minus what `inFlight` says each webhook already has,
   * so one endpoint never takes more than its share. Each delivery goes to one claimant; an expired
   * lease (a crashed worker) makes it due again.
   */
  claim(
    now: string,
    limit: number,
    leaseUntil: string,
    perWebhook: number,
    inFlight: ReadonlyMap<string, number>,
  ): Promise<Array<{ delivery: DeliveryRecord; webhook: WebhookRecord }>>;
  /**
   * Logs the attempt, moves the delivery on, updates the webhook's stats (and maybe disables it). A
   * disabled webhook's stats stand still. False, recording nothing, when the delivery is gone (its
   * webhook was deleted while the attempt was in flight).
   */
  recordOutcome(outcome: DeliveryOutcome): Promise<boolean>;
  /** The earliest `next_attempt_at` among deliveries `claim` would take, to know when to wake. */
  nextDue(): Promise<string | undefined>;
  countPending(): Promise<number>;
  list(query: DeliveryQuery): Promise<DeliveryWithAttempts[]>;
  get(webhookId: string, deliveryId: string): Promise<DeliveryWithAttempts | undefined>;
  /** Makes one delivery due now (whatever its status), keeping its id. */
  requeue(webhookId: string, deliveryId: string, now: string): Promise<boolean>;
  /** Failed deliveries created in [since, until): counted, and requeued unless `dryRun`. */
  recover(webhookId: string, since: string, until: string, now: string, dryRun: boolean): Promise<number>;
}
