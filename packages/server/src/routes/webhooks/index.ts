import { OpenAPIHono } from '@hono/zod-openapi';
import {
  DEFAULT_ROTATION_GRACE_SECONDS,
  DEFAULT_WEBHOOK_BACKOFF_SECONDS,
  DEFAULT_WEBHOOK_MAX_RETRIES,
  type EventDataOf,
  routes,
} from '@oriva/contract';
import { generateSecret } from '@oriva/webhook-verify';
import { errors } from '../../core/errors.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { newId } from '../../ids.js';
import { checkWebhookUrl, urlPolicyFrom } from '../../services/webhooks/url-policy.js';
import {
  type DeliveryAttemptRecord,
  type DeliveryRecord,
  TEST_DELIVERY_TYPE,
  type WebhookRecord,
} from '../../storage/types.js';
import { decodeCursor, encodeCursor, pageOf } from '../pagination.js';

export function webhookRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const policy = urlPolicyFrom(deps.config);
  const now = () => new Date().toISOString();
  const limit = (c: Parameters<NonNullable<Deps['rateLimiter']>['enforce']>[0], appId: string) =>
    deps.rateLimiter?.enforce(c, 'webhooks', appId, 1);

  const requireApp = async (appId: string) => {
    if (!(await deps.storage.apps.get(appId))) throw errors.notFound(`No app "${appId}"`, 'app_not_found');
  };
  const requireWebhook = async (appId: string, webhookId: string) => {
    const webhook = await deps.storage.webhooks.get(appId, webhookId);
    if (!webhook) throw errors.notFound(`No webhook "${webhookId}" for app "${appId}"`, 'webhook_not_found');
    return webhook;
  };

  app.openapi(guarded(routes.createWebhook, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await limit(c, app_id);
    await requireApp(app_id);
    await checkWebhookUrl(input.webhook_url, policy, deps.lookupHost);
    const secret = generateSecret();
    const at = now();
    const webhook: WebhookRecord = {
      id: newId('wh'),
      app_id,
      webhook_url: input.webhook_url,
      webhook_secret: deps.secretBox.seal(secret),
      previous_secret: null,
      previous_secret_expires_at: null,
      subscribed_events: [...new Set(input.subscribed_events)],
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
    return c.json(
      {
        success: true as const,
        webhook_id: webhook.id,
        webhook_secret: secret,
        created_at: at,
        webhook: publicWebhook(webhook),
      },
      201,
    );
  });

  app.openapi(guarded(routes.listWebhooks, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    await limit(c, app_id);
    const webhooks = await deps.storage.webhooks.list(app_id);
    return c.json({ success: true as const, webhooks: webhooks.map(publicWebhook) }, 200);
  });

  app.openapi(guarded(routes.getWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    await limit(c, app_id);
    return c.json({ success: true as const, webhook: publicWebhook(await requireWebhook(app_id, webhook_id)) }, 200);
  });

  app.openapi(guarded(routes.updateWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await limit(c, app_id);
    const current = await requireWebhook(app_id, webhook_id);
    if (input.webhook_url) await checkWebhookUrl(input.webhook_url, policy, deps.lookupHost);
    const changes: Partial<WebhookRecord> = {
      ...(input.webhook_url !== undefined ? { webhook_url: input.webhook_url } : {}),
      ...(input.subscribed_events !== undefined ? { subscribed_events: [...new Set(input.subscribed_events)] } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.max_retries !== undefined ? { max_retries: input.max_retries } : {}),
      ...(input.retry_backoff_seconds !== undefined ? { retry_backoff_seconds: input.retry_backoff_seconds } : {}),
      updated_at: now(),
    };
    if (input.is_active === false) Object.assign(changes, { is_active: false, disabled_reason: 'disabled_by_app' });
    // Re-enabling starts afresh: the failure count that disabled it resets.
    if (input.is_active === true && !current.is_active) {
      Object.assign(changes, { is_active: true, disabled_reason: null, consecutive_failures: 0 });
    }
    const updated = await deps.storage.webhooks.update(app_id, webhook_id, changes);
    if (!updated) throw errors.notFound(`No webhook "${webhook_id}"`, 'webhook_not_found');
    return c.json({ success: true as const, webhook: publicWebhook(updated) }, 200);
  });

  app.openapi(guarded(routes.deleteWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    await limit(c, app_id);
    if (!(await deps.storage.webhooks.delete(app_id, webhook_id))) {
      throw errors.notFound(`No webhook "${webhook_id}" for app "${app_id}"`, 'webhook_not_found');
    }
    return c.body(null, 204);
  });

  app.openapi(guarded(routes.rotateWebhookSecret, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { grace_period_seconds?: number } | undefined) ?? {};
    await limit(c, app_id);
    const current = await requireWebhook(app_id, webhook_id);
    const grace = body.grace_period_seconds ?? DEFAULT_ROTATION_GRACE_SECONDS;
    const secret = generateSecret();
    const expiresAt = grace > 0 ? new Date(Date.now() + grace * 1000).toISOString() : null;
    await deps.storage.webhooks.update(app_id, webhook_id, {
      webhook_secret: deps.secretBox.seal(secret),
      previous_secret: grace > 0 ? current.webhook_secret : null,
      previous_secret_expires_at: expiresAt,
      updated_at: now(),
    });
    return c.json({ success: true as const, webhook_secret: secret, previous_secret_expires_at: expiresAt }, 200);
  });

  app.openapi(guarded(routes.testWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    await limit(c, app_id);
    // Sent to this webhook alone, even while it is disabled (which it stays, its stats untouched):
    // that is how an operator checks a receiver before re-enabling it (docs/webhooks.md).
    const webhook = await requireWebhook(app_id, webhook_id);
    const at = now();
    const [category, type] = TEST_DELIVERY_TYPE.split('.') as [string, string];
    const event = {
      id: newId('evt'),
      app_id,
      user_id: null,
      event_category: category,
      event_type: type,
      entity_type: 'webhook',
      entity_id: webhook.id,
      event_data: JSON.stringify({
        message: 'A test delivery from Oriva',
        webhook_url: webhook.webhook_url,
      } satisfies EventDataOf<'webhook.test'>),
      timestamp: at,
      ip_address: null,
      user_agent: null,
    };
    const deliveryId = await deps.storage.deliveries.insertTestEvent(event, webhook.id);
    return c.json({ success: true as const, event_id: event.id, delivery_id: deliveryId }, 200);
  });

  app.openapi(guarded(routes.listDeliveries, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const query = c.req.valid('query');
    await limit(c, app_id);
    await requireWebhook(app_id, webhook_id);
    const rows = await deps.storage.deliveries.list({
      webhook_id,
      success: query.success,
      event_type: query.event_type,
      since: query.since ? new Date(query.since).toISOString() : undefined,
      before_position: query.after ? decodeCursor(query.after) : undefined,
      limit: query.limit + 1,
    });
    const { items, has_more, next_cursor } = pageOf(rows, query.limit, (last) => encodeCursor(last.position));
    return c.json(
      {
        success: true as const,
        deliveries: items.map(publicDelivery),
        pagination: { limit: query.limit, has_more, next_cursor },
      },
      200,
    );
  });

  app.openapi(guarded(routes.retryDelivery, deps), async (c) => {
    const { app_id, webhook_id, delivery_id } = c.req.valid('param');
    await limit(c, app_id);
    await requireWebhook(app_id, webhook_id);
    if (!(await deps.storage.deliveries.requeue(webhook_id, delivery_id, now()))) {
      throw errors.notFound(`No delivery "${delivery_id}" for webhook "${webhook_id}"`, 'delivery_not_found');
    }
    const delivery = await deps.storage.deliveries.get(webhook_id, delivery_id);
    return c.json({ success: true as const, delivery: publicDelivery(delivery!) }, 200);
  });

  app.openapi(guarded(routes.recoverDeliveries, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const body = c.req.valid('json');
    await limit(c, app_id);
    await requireWebhook(app_id, webhook_id);
    const dryRun = body.dry_run ?? false;
    const until = body.until ? new Date(body.until).toISOString() : now();
    const count = await deps.storage.deliveries.recover(
      webhook_id,
      new Date(body.since).toISOString(),
      until,
      now(),
      dryRun,
    );
    return c.json({ success: true as const, count, dry_run: dryRun }, 200);
  });

  return app;
}

function publicWebhook(webhook: WebhookRecord) {
  const { webhook_secret: _secret, previous_secret: _previous, ...visible } = webhook;
  return visible;
}

function publicDelivery(delivery: DeliveryRecord & { attempt_log: DeliveryAttemptRecord[] }) {
  return {
    id: delivery.id,
    webhook_id: delivery.webhook_id,
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? delivery.next_attempt_at : null,
    created_at: delivery.created_at,
    updated_at: delivery.updated_at,
    attempt_log: delivery.attempt_log.map((attempt) => ({
      attempt: attempt.delivery_attempt,
      delivered_at: attempt.delivered_at,
      success: attempt.success,
      status_code: attempt.status_code,
      response_time_ms: attempt.response_time_ms,
      response_body: attempt.response_body,
      response_headers: attempt.response_headers ? JSON.parse(attempt.response_headers) : null,
      error_message: attempt.error_message,
    })),
  };
}
