/** The webhook outbox: deliveries, their leases and retries, and the log of every attempt. */
import type { EventRecord } from './events.js';
import type { WebhookRecord } from './webhooks.js';

/** `aborted`: the receiver answered `webhook-delivery: abort-message`, so it is not retried. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'aborted';

export interface DeliveryRecord {
  position: number;
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  /** The request body, exactly as signed and sent. */
  payload: string;
  status: DeliveryStatus;
  /** Made by replaying a stored event to this webhook, not by the event's commit. */
  replay: boolean;
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
  /** The delivery spent its last retry: `delivery.exhausted`, stored with the outcome. */
  exhausted?: EventRecord | undefined;
  /** The endpoint's health counters, kept as attempts complete, and the rule that reads them. */
  health: HealthUpdate;
}

/**
 * An endpoint's health as the outcome's transaction leaves it: its attempts and failures in the current
 * hourly window and the one before (a sliding-window estimate of the last hour, never a scan of
 * deliveries), its failures in a row, and since when it is reported failing (null: healthy).
 */
export interface EndpointHealth {
  window_start: string;
  attempts: number;
  failures: number;
  previous_attempts: number;
  previous_failures: number;
  consecutive_failures: number;
  failing_since: string | null;
}

/** A change of the endpoint's reported health, with the event that announces it. */
export interface HealthTransition {
  /** When it started failing, or null: it recovered. */
  failing_since: string | null;
  event: EventRecord;
}

export interface HealthUpdate {
  /** The start of the hourly window the attempt falls in, and of the window before it. */
  window_start: string;
  previous_window_start: string;
  /**
   * Reads the counters after this attempt. A transition is applied once (only if the stored state
   * still differs, so concurrent outcomes report an episode once) with its event; recovering starts
   * the counters afresh.
   */
  judge: (health: EndpointHealth) => HealthTransition | undefined;
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
  /**
   * A new delivery (`replay`) of the app's stored event `eventId` to one webhook, whatever it subscribes
   * to, due now; returns it, or undefined when the app has no such event.
   */
  replay(
    appId: string,
    eventId: string,
    webhookId: string,
    deliveryId: string,
    now: string,
  ): Promise<DeliveryRecord | undefined>;
  /** Failed deliveries created in [since, until): counted, and requeued unless `dryRun`. */
  recover(webhookId: string, since: string, until: string, now: string, dryRun: boolean): Promise<number>;
}
