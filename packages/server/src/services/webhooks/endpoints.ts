/**
 * Webhook endpoints: registering one (its defaults and its secret), changing, deleting, rotating its
 * secret and sending it a test event. The HTTP layer rate-limits and shapes the answers; the rules are here.
 */
import type { z } from '@hono/zod-openapi';
import {
  type CreateWebhookRequest,
  DEFAULT_ROTATION_GRACE_SECONDS,
  DEFAULT_WEBHOOK_BACKOFF_SECONDS,
  DEFAULT_WEBHOOK_MAX_RETRIES,
  type EventDataOf,
  type UpdateWebhookRequest,
} from '@oriva/contract';
import { generateSecret } from '@oriva/webhook-verify';
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { newId } from '../../ids.js';
import { type EventRecord, type SignatureScheme, TEST_DELIVERY_TYPE, type WebhookRecord } from '../../storage/types.js';
import { requireApp } from '../apps.js';
import { endpointEvent } from './endpoint-health.js';
import { newSigningKeyPair } from './signing-keys.js';
import { checkWebhookUrl, urlPolicyFrom } from './url-policy.js';

export type CreateWebhookInput = z.infer<typeof CreateWebhookRequest>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookRequest>;

const now = () => new Date().toISOString();
/** A subscription is a set: the same pattern twice would not deliver twice, so it is stored once. */
const patternSet = (patterns: string[]) => [...new Set(patterns)];

const webhookNotFound = (appId: string, webhookId: string) =>
  errors.notFound(`No webhook "${webhookId}" for app "${appId}"`, 'webhook_not_found');

/** The webhook, or `webhook_not_found`. */
export async function requireWebhook(deps: ServiceDeps, appId: string, webhookId: string): Promise<WebhookRecord> {
  const webhook = await deps.storage.webhooks.get(appId, webhookId);
  if (!webhook) throw webhookNotFound(appId, webhookId);
  return webhook;
}

/**
 * Registers a webhook with a fresh signing secret, sealed at rest by the secret box. The secret is
 * returned in the clear this once; afterwards only rotation shows a secret again.
 */
export async function createWebhook(
  deps: ServiceDeps,
  appId: string,
  input: CreateWebhookInput,
): Promise<{ webhook: WebhookRecord; secret: string }> {
  await requireApp(deps, appId);
  await checkWebhookUrl(input.webhook_url, urlPolicyFrom(deps.config), deps.lookupHost);
  const secret = generateSecret();
  const at = now();
  const webhook: WebhookRecord = {
    id: newId('wh'),
    app_id: appId,
    webhook_url: input.webhook_url,
    webhook_secret: deps.secretBox.seal(secret),
    previous_secret: null,
    previous_secret_expires_at: null,
    ...ed25519Columns(deps, input.signature_scheme ?? 'hmac'),
    subscribed_events: patternSet(input.subscribed_events),
    description: input.description ?? null,
    is_active: input.is_active ?? true,
    disabled_reason: null,
    last_delivery_at: null,
    last_success_at: null,
    last_failure_at: null,
    consecutive_failures: 0,
    total_deliveries: 0,
    total_failures: 0,
    max_retries: input.max_retries ?? DEFAULT_WEBHOOK_MAX_RETRIES,
    retry_backoff_seconds: input.retry_backoff_seconds ?? DEFAULT_WEBHOOK_BACKOFF_SECONDS,
    created_at: at,
    updated_at: at,
  };
  await deps.storage.webhooks.create(webhook);
  return { webhook, secret };
}

/** An `ed25519` webhook gets its key pair at creation; an `hmac` one has none until it switches. */
function ed25519Columns(deps: ServiceDeps, scheme: SignatureScheme) {
  const pair = scheme === 'ed25519' ? newSigningKeyPair(deps.secretBox) : { signing_key: null, public_key: null };
  return {
    signature_scheme: scheme,
    ...pair,
    previous_signing_key: null,
    previous_public_key: null,
    previous_signing_key_expires_at: null,
  };
}

/**
 * Applies the fields given. Disabling records that the app did it; re-enabling a disabled webhook
 * starts afresh: the failure count that disabled it resets (and storage makes its pending deliveries
 * due and forgets its health), and `webhook.enabled` tells the app's other webhooks and its stream.
 */
export async function updateWebhook(
  deps: ServiceDeps,
  appId: string,
  webhookId: string,
  input: UpdateWebhookInput,
): Promise<WebhookRecord> {
  const current = await requireWebhook(deps, appId, webhookId);
  if (input.webhook_url) await checkWebhookUrl(input.webhook_url, urlPolicyFrom(deps.config), deps.lookupHost);
  const changes: Partial<WebhookRecord> = {
    ...(input.webhook_url !== undefined ? { webhook_url: input.webhook_url } : {}),
    ...(input.subscribed_events !== undefined ? { subscribed_events: patternSet(input.subscribed_events) } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.max_retries !== undefined ? { max_retries: input.max_retries } : {}),
    ...(input.retry_backoff_seconds !== undefined ? { retry_backoff_seconds: input.retry_backoff_seconds } : {}),
    ...(input.signature_scheme !== undefined ? { signature_scheme: input.signature_scheme } : {}),
    // The first switch to Ed25519 makes the key pair; switching back and forth keeps it.
    ...(input.signature_scheme === 'ed25519' && !current.signing_key ? newSigningKeyPair(deps.secretBox) : {}),
    updated_at: now(),
  };
  if (input.is_active === false) Object.assign(changes, { is_active: false, disabled_reason: 'disabled_by_app' });
  let enabledEvent: EventRecord | undefined;
  if (input.is_active === true && !current.is_active) {
    Object.assign(changes, { is_active: true, disabled_reason: null, consecutive_failures: 0 });
    enabledEvent = endpointEvent('webhook.enabled', current, changes.updated_at!, {
      previous_disabled_reason: current.disabled_reason,
      webhook_url: changes.webhook_url ?? current.webhook_url,
    });
  }
  const updated = await deps.storage.webhooks.update(appId, webhookId, changes, enabledEvent);
  // Deleted between the read and the write.
  if (!updated) throw errors.notFound(`No webhook "${webhookId}"`, 'webhook_not_found');
  return updated;
}

export async function deleteWebhook(deps: ServiceDeps, appId: string, webhookId: string): Promise<void> {
  if (!(await deps.storage.webhooks.delete(appId, webhookId))) throw webhookNotFound(appId, webhookId);
}

/**
 * Replaces the signing secret. For `graceSeconds` (24 h by default) deliveries are signed with the
 * old secret too, so receivers can switch without dropping any; 0 retires the old secret at once.
 */
export async function rotateWebhookSecret(
  deps: ServiceDeps,
  appId: string,
  webhookId: string,
  graceSeconds = DEFAULT_ROTATION_GRACE_SECONDS,
): Promise<{ secret: string; previousSecretExpiresAt: string | null }> {
  const current = await requireWebhook(deps, appId, webhookId);
  const secret = generateSecret();
  const expiresAt = graceSeconds > 0 ? new Date(Date.now() + graceSeconds * 1000).toISOString() : null;
  await deps.storage.webhooks.update(appId, webhookId, {
    webhook_secret: deps.secretBox.seal(secret),
    previous_secret: graceSeconds > 0 ? current.webhook_secret : null,
    previous_secret_expires_at: expiresAt,
    updated_at: now(),
  });
  return { secret, previousSecretExpiresAt: expiresAt };
}

/**
 * Queues a `webhook.test` event for this webhook alone, even while it is disabled (which it stays, its
 * stats untouched): that is how an operator checks a receiver before re-enabling it (docs/webhooks.md).
 */
export async function sendTestEvent(
  deps: ServiceDeps,
  appId: string,
  webhookId: string,
): Promise<{ eventId: string; deliveryId: string }> {
  const webhook = await requireWebhook(deps, appId, webhookId);
  const [category, type] = TEST_DELIVERY_TYPE.split('.') as [string, string];
  const event: EventRecord = {
    id: newId('evt'),
    app_id: appId,
    user_id: null,
    event_category: category,
    event_type: type,
    entity_type: 'webhook',
    entity_id: webhook.id,
    event_data: JSON.stringify({
      message: 'A test delivery from Oriva',
      webhook_url: webhook.webhook_url,
    } satisfies EventDataOf<'webhook.test'>),
    timestamp: now(),
    ip_address: null,
    user_agent: null,
  };
  const deliveryId = await deps.storage.deliveries.insertTestEvent(event, webhook.id);
  return { eventId: event.id, deliveryId };
}
