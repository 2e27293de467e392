/**
 * Sending deliveries again on an operator's word: one delivery whatever became of it, or every failed
 * one in a time window (after a receiver's outage). Both keep the delivery ids, so receivers that
 * deduplicate on them see a redelivery, not a new event. Replaying an event is the exception: a new
 * delivery, so a receiver that already handled the event sees it again.
 */
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../ids.js';
import type { DeliveryWithAttempts } from '../../storage/types.js';
import { requireWebhook } from './endpoints.js';

/** Makes one delivery due now and returns it as it stands then. */
export async function retryDelivery(
  deps: ServiceDeps,
  appId: string,
  webhookId: string,
  deliveryId: string,
): Promise<DeliveryWithAttempts> {
  await requireWebhook(deps, appId, webhookId);
  if (!(await deps.storage.deliveries.requeue(webhookId, deliveryId, new Date().toISOString()))) {
    throw errors.notFound(`No delivery "${deliveryId}" for webhook "${webhookId}"`, 'delivery_not_found');
  }
  return (await deps.storage.deliveries.get(webhookId, deliveryId))!;
}

/**
 * Requeues the webhook's failed deliveries created in [since, until) (until: now by default) and
 * counts them; a dry run only counts.
 */
export async function recoverDeliveries(
  deps: ServiceDeps,
  appId: string,
  webhookId: string,
  window: { since: string; until?: string | undefined; dryRun?: boolean | undefined },
): Promise<{ count: number; dryRun: boolean }> {
  await requireWebhook(deps, appId, webhookId);
  const dryRun = window.dryRun ?? false;
  const now = () => new Date().toISOString();
  const until = window.until ? new Date(window.until).toISOString() : now();
  const count = await deps.storage.deliveries.recover(
    webhookId,
    new Date(window.since).toISOString(),
    until,
    now(),
    dryRun,
  );
  return { count, dryRun };
}

/**
 * Delivers one of the app's stored events again, to one of its webhooks whatever that subscribes to,
 * as a new delivery (its own id, marked `replay`): the design document's event replay, for debugging a
 * receiver. A disabled webhook gets it once re-enabled.
 */
export async function replayEvent(
  deps: ServiceDeps,
  appId: string,
  eventId: string,
  webhookId: string,
): Promise<DeliveryWithAttempts> {
  await requireWebhook(deps, appId, webhookId);
  const delivery = await deps.storage.deliveries.replay(
    appId,
    eventId,
    webhookId,
    newId('del'),
    new Date().toISOString(),
  );
  if (!delivery) throw errors.notFound(`No event "${eventId}" for app "${appId}"`, 'event_not_found');
  return { ...delivery, attempt_log: [] };
}
