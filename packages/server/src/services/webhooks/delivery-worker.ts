import type { EventDataOf } from '@oriva/contract';
import type { DeliveryWorkerDeps } from '../../core/deps.js';
import type { SecretBox } from '../../core/secret-box.js';
import { newId } from '../../ids.js';
import { stallTrace } from '../../observability/stall-trace.js';
import { isStorageUnavailable } from '../../storage/failures.js';
import type { DeliveryOutcome, DeliveryRecord, EventRecord, WebhookRecord } from '../../storage/types.js';
import { endpointEvent, HEALTH_EVENT_TYPES, healthUpdate } from './endpoint-health.js';
import { receiverSignals } from './receiver-signals.js';
import { deliveryRequestHeaders } from './request-headers.js';
import { retryDelayMs } from './retry-schedule.js';
import type { createSender, SendResult } from './sender.js';
import { deliverySignatureHeaders } from './signing.js';

/** Longest the worker sleeps with nothing due, so a lease left by a crashed instance is noticed. */
const MAX_IDLE_MS = 2_000;
/** How long a claim outlives the attempt's timeout (recording the outcome must fit in it). */
const LEASE_MARGIN_MS = 5_000;

export interface DeliveryWorkerOptions {
  sender: ReturnType<typeof createSender>;
  secretBox: SecretBox;
}

/**
 * Delivers the outbox. It claims due deliveries with a lease (one statement, so each attempt is made
 * by one worker), signs them, sends them, and records each attempt with what comes next. Isolation:
 * at most `endpointConcurrency` attempts per webhook at once and `concurrency` in all, so one slow or
 * dead endpoint cannot hold up the others. Woken by new deliveries; otherwise sleeps until the next
 * retry is due. A restart resumes pending and scheduled deliveries from storage.
 *
 * While the storage circuit breaker is open the worker claims nothing, and wakes when it half-opens.
 * An attempt whose outcome cannot be recorded (the database went away after the send) records it
 * again once the database is back, while its lease holds: the receiver is not sent it twice. Only an
 * outage longer than the lease (the attempt's timeout and 5 s) ends in a second send, with the same
 * `webhook-id`, so delivery is at least once.
 */
export class DeliveryWorker {
  private inFlight = 0;
  private readonly perWebhook = new Map<string, number>();
  private readonly attempts = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private pumping = false;
  private again = false;
  private stopped = false;
  private readonly unsubscribe: () => void;
  private readonly unwatchBreaker: () => void;

  constructor(
    private readonly deps: DeliveryWorkerDeps,
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.unsubscribe = deps.storage.deliveries.onQueued(() => this.wake());
    this.unwatchBreaker = deps.breaker.onChange((state) => {
      if (state !== 'open') this.wake();
    });
    this.wake();
  }

  /**
   * Claims what is due now. Called after the commit that queued deliveries (from the write queue's
   * flush) and as attempts free their slots: claiming at once, not from a timer, puts the claim in the
   * very next group commit, beside the outcomes being recorded.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    this.unwatchBreaker();
    await Promise.allSettled([...this.attempts]);
    await this.options.sender.close();
  }

  private async pump(): Promise<void> {
    // Paused: the breaker's change to half-open wakes the worker again.
    if (this.stopped || this.paused()) return;
    this.pumping = true;
    try {
      do {
        this.again = false;
        const { concurrency, endpointConcurrency, timeoutMs } = this.deps.config.webhooks;
        const free = concurrency - this.inFlight;
        if (free <= 0) return;
        const now = Date.now();
        const claimStarted = performance.now();
        // The lease outlives the attempt's hard timeout by a margin, and no more: a crashed instance's
        // claims come back to the others within seconds of the timeout.
        const claimed = await this.deps.storage.deliveries.claim(
          new Date(now).toISOString(),
          free,
          new Date(now + timeoutMs + LEASE_MARGIN_MS).toISOString(),
          endpointConcurrency,
          this.perWebhook,
        );
        // No second claim just because this one found work: what it left is capped per endpoint or not
        // due yet, and each finished attempt wakes the worker again. Only a wake during the claim loops.
        if (stallTrace.enabled) {
          stallTrace.note('claim', performance.now() - claimStarted);
          stallTrace.note('claimed', claimed.length);
          for (const { delivery } of claimed)
            stallTrace.note('queued_to_claimed', now - Date.parse(delivery.created_at));
        }
        const leaseEnds = now + timeoutMs + LEASE_MARGIN_MS;
        for (const { delivery, webhook } of claimed) this.start(delivery, webhook, leaseEnds);
      } while (this.again && !this.stopped);
    } catch (error) {
      if (isStorageUnavailable(error))
        this.deps.logger.warn({ err: error }, 'claiming webhook deliveries: storage unavailable');
      else this.deps.logger.error({ err: error }, 'claiming webhook deliveries failed');
    } finally {
      this.pumping = false;
      if (!this.stopped && !this.paused()) await this.sleepUntilDue();
    }
  }

  /** While the database is out of reach (the breaker open), nothing is claimed. */
  private paused(): boolean {
    return this.deps.breaker.state === 'open';
  }

  private async sleepUntilDue(): Promise<void> {
    // Attempts in flight wake the worker when they finish, and each wake claims what is due by then:
    // asking the database when to wake is needed only once nothing is in flight.
    if (this.inFlight > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.wake(), MAX_IDLE_MS);
      return;
    }
    const due = await this.deps.storage.deliveries.nextDue().catch(() => undefined);
    const wait = due === undefined ? MAX_IDLE_MS : Math.min(MAX_IDLE_MS, Math.max(5, Date.parse(due) - Date.now()));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), wait);
  }

  /**
   * An attempt holds its slots (the worker's and its webhook's) for the HTTP exchange only: once the
   * answer is in, the next due delivery is claimed while this outcome is being recorded, and both go in
   * one group commit. Exactly once still holds: the delivery stays leased until its outcome is stored.
   */
  private start(delivery: DeliveryRecord, webhook: WebhookRecord, leaseEnds: number): void {
    this.inFlight++;
    this.perWebhook.set(webhook.id, (this.perWebhook.get(webhook.id) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight--;
      const left = (this.perWebhook.get(webhook.id) ?? 1) - 1;
      if (left > 0) this.perWebhook.set(webhook.id, left);
      else this.perWebhook.delete(webhook.id);
      this.wake();
    };
    const attempt = this.attempt(delivery, webhook, leaseEnds, release)
      .catch((error) => {
        this.deps.logger.error({ err: error, delivery_id: delivery.id }, 'webhook attempt failed');
        // Recording failed: the lease lapses and the delivery comes back; look again for when.
        this.wake();
      })
      .finally(() => {
        release();
        this.attempts.delete(attempt);
      });
    this.attempts.add(attempt);
  }

  private async attempt(
    delivery: DeliveryRecord,
    webhook: WebhookRecord,
    leaseEnds: number,
    released: () => void,
  ): Promise<void> {
    const { deps } = this;
    const started = new Date();
    const headers = {
      ...deliveryRequestHeaders(delivery.id),
      ...deliverySignatureHeaders(webhook, this.options.secretBox, delivery, started),
    };
    const result = await this.options.sender.send(webhook.webhook_url, headers, delivery.payload);
    stallTrace.note('send', result.timeMs);
    released();
    const at = new Date().toISOString();
    const attemptNumber = delivery.attempts + 1;
    const success = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const gone = result.statusCode === 410;
    const signals = receiverSignals(result.headers);
    // `abort-message` ends this delivery only; a success has nothing left to abort.
    const aborted = signals.abortMessage && !success;
    // A disabled webhook is claimed only for test deliveries, tried once each: the operator reads the
    // outcome and tests again, rather than retries running on behind a webhook that is off.
    const retry =
      !success && !gone && !aborted && !signals.disable && webhook.is_active && attemptNumber <= webhook.max_retries;
    // Spent its last retry. A health event's own delivery reports nothing more, or two failing
    // endpoints would tell each other of their failures without end.
    const exhausted =
      !success &&
      !retry &&
      !gone &&
      !aborted &&
      !signals.disable &&
      webhook.is_active &&
      !HEALTH_EVENT_TYPES.has(delivery.event_type);
    const retryAfter = result.statusCode === 429 || result.statusCode === 503 ? result.retryAfterSeconds : undefined;
    const nextAt = retry
      ? new Date(
          Date.now() +
            retryDelayMs(attemptNumber, webhook.retry_backoff_seconds, retryAfter, deps.config.webhooks.backoffScale),
        ).toISOString()
      : null;

    const recordStarted = performance.now();
    const recorded = await this.recordDurably(leaseEnds, {
      attempt: {
        id: newId('att'),
        delivery_id: delivery.id,
        webhook_id: webhook.id,
        event_id: delivery.event_id,
        event_type: delivery.event_type,
        status_code: result.statusCode,
        response_body: result.body,
        response_headers: result.headers ? JSON.stringify(result.headers) : null,
        delivery_attempt: attemptNumber,
        delivered_at: at,
        response_time_ms: result.timeMs,
        success,
        error_message: errorMessage(result),
      },
      status: success ? 'succeeded' : retry ? 'pending' : aborted ? 'aborted' : 'failed',
      next_attempt_at: nextAt,
      disable: gone
        ? { reason: 'gone', event: disabledEvent(webhook, at, 'gone', webhook.consecutive_failures + 1) }
        : signals.disable
          ? {
              reason: 'receiver_requested',
              event: disabledEvent(webhook, at, 'receiver_requested', success ? 0 : webhook.consecutive_failures + 1),
            }
          : undefined,
      // The webhook's count when this failure is recorded: its failures so far, as claimed, and this one.
      disable_on_failures: {
        after: deps.config.webhooks.disableAfter,
        event: disabledEvent(webhook, at, 'too_many_failures', webhook.consecutive_failures + 1),
      },
      exhausted: exhausted
        ? endpointEvent('delivery.exhausted', webhook, at, {
            delivery_id: delivery.id,
            webhook_id: webhook.id,
            event_id: delivery.event_id,
            event_type: delivery.event_type,
            attempts: attemptNumber,
            last_status_code: result.statusCode,
            last_error: errorMessage(result),
            webhook_url: webhook.webhook_url,
          })
        : undefined,
      health: healthUpdate(
        webhook,
        new Date(at),
        { success, status_code: result.statusCode },
        deps.config.webhooks.disableAfter,
      ),
    });

    stallTrace.note('record', performance.now() - recordStarted);
    // A retry is due later than anything the worker last looked at: have it look again.
    if (nextAt !== null) this.wake();
    if (!recorded) {
      // The webhook was deleted while this attempt was in flight: its deliveries end with it.
      deps.logger.info(
        { delivery_id: delivery.id, webhook_id: webhook.id, status: result.statusCode },
        'webhook deleted during a delivery attempt; delivery dropped',
      );
      return;
    }
    if (signals.disable || aborted) {
      deps.logger.warn(
        { delivery_id: delivery.id, webhook_id: webhook.id, status: result.statusCode, signal: signals.header },
        signals.disable
          ? 'receiver asked to disable its webhook (webhook-delivery: disable); disabled'
          : 'receiver asked to stop retrying this delivery (webhook-delivery: abort-message); aborted',
      );
    }
    const outcome = success ? 'succeeded' : retry ? 'retrying' : aborted ? 'aborted' : 'failed';
    deps.metrics.webhookDeliveries.inc({ outcome });
    if (success) {
      const accepted = Date.parse(JSON.parse(delivery.payload).timestamp);
      deps.metrics.webhookDeliveryLatency.observe((Date.now() - accepted) / 1000);
    }
    deps.logger.debug(
      { delivery_id: delivery.id, webhook_id: webhook.id, status: result.statusCode, outcome },
      'webhook attempt',
    );
  }

  /**
   * Records an attempt's outcome, again after each outage while the claim's lease holds: once it
   * lapses the delivery is another claim's, and recording it here too would count the attempt twice.
   * A record that committed but whose answer was lost fails its second try on the attempt's id.
   */
  private async recordDurably(leaseEnds: number, outcome: DeliveryOutcome): Promise<boolean> {
    for (;;) {
      try {
        return await this.deps.storage.deliveries.recordOutcome(outcome);
      } catch (error) {
        if (!isStorageUnavailable(error) || this.stopped || Date.now() >= leaseEnds) throw error;
        await this.untilStorageIsBack(leaseEnds);
      }
    }
  }

  /** Until the breaker is no longer open (or a short wait, if it never opened), never past `deadline`. */
  private untilStorageIsBack(deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unwatch();
        resolve();
      };
      const wait = this.deps.breaker.state === 'open' ? deadline - Date.now() : 250;
      const timer = setTimeout(done, Math.max(0, Math.min(wait, deadline - Date.now())));
      const unwatch = this.deps.breaker.onChange((state) => {
        if (state !== 'open') done();
      });
    });
  }
}

function errorMessage(result: SendResult): string | null {
  if (result.error) return result.error;
  if (result.statusCode !== null && (result.statusCode < 200 || result.statusCode >= 300)) {
    return result.statusCode >= 300 && result.statusCode < 400
      ? `HTTP ${result.statusCode}: redirects are not followed; point the webhook at the final URL`
      : `HTTP ${result.statusCode}`;
  }
  return null;
}

/** `webhook.disabled`: an event of the app's own, in its event list, stream and other webhooks. */
function disabledEvent(
  webhook: WebhookRecord,
  at: string,
  reason: EventDataOf<'webhook.disabled'>['reason'],
  consecutiveFailures: number,
): EventRecord {
  return endpointEvent('webhook.disabled', webhook, at, {
    reason,
    consecutive_failures: consecutiveFailures,
    webhook_url: webhook.webhook_url,
  });
}
