import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import {
  createWebhook,
  deleteWebhook,
  requireWebhook,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from '../../services/webhooks/endpoints.js';
import { recoverDeliveries, retryDelivery } from '../../services/webhooks/redelivery.js';
import { appJwks, rotateSigningKey } from '../../services/webhooks/signing-keys.js';
import { decodeCursor, encodeCursor, pageOf } from '../pagination.js';
import { publicDelivery, publicWebhook } from './shapes.js';

export function webhookRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const limit = (c: Parameters<NonNullable<Deps['rateLimiter']>['enforce']>[0], appId: string) =>
    deps.rateLimiter?.enforce(c, 'webhooks', appId, 1);

  // Public (the contract's `security: none`, so not `guarded`): receivers fetch keys without credentials. Before
  // the `{webhook_id}` routes, so `jwks` is never taken for a webhook id.
  app.openapi(routes.getWebhookJwks, async (c) => {
    const { app_id } = c.req.valid('param');
    const jwks = await appJwks(deps, app_id);
    // Keys change only on create, switch or rotation, and a rotation keeps the old key for its grace period
    // (24 h by default), so five minutes of caching never drops a delivery.
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(jwks, 200);
  });

  app.openapi(guarded(routes.createWebhook, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await limit(c, app_id);
    const { webhook, secret } = await createWebhook(deps, app_id, input);
    return c.json(
      {
        success: true as const,
        webhook_id: webhook.id,
        webhook_secret: secret,
        created_at: webhook.created_at,
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
    const webhook = await requireWebhook(deps, app_id, webhook_id);
    return c.json({ success: true as const, webhook: publicWebhook(webhook) }, 200);
  });

  app.openapi(guarded(routes.updateWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await limit(c, app_id);
    const updated = await updateWebhook(deps, app_id, webhook_id, input);
    return c.json({ success: true as const, webhook: publicWebhook(updated) }, 200);
  });

  app.openapi(guarded(routes.deleteWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    await limit(c, app_id);
    await deleteWebhook(deps, app_id, webhook_id);
    return c.body(null, 204);
  });

  app.openapi(guarded(routes.rotateWebhookSecret, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { grace_period_seconds?: number } | undefined) ?? {};
    await limit(c, app_id);
    const rotated = await rotateWebhookSecret(deps, app_id, webhook_id, body.grace_period_seconds);
    return c.json(
      {
        success: true as const,
        webhook_secret: rotated.secret,
        previous_secret_expires_at: rotated.previousSecretExpiresAt,
      },
      200,
    );
  });

  app.openapi(guarded(routes.rotateWebhookSigningKey, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { grace_period_seconds?: number } | undefined) ?? {};
    await limit(c, app_id);
    const rotated = await rotateSigningKey(deps, app_id, webhook_id, body.grace_period_seconds);
    return c.json(
      {
        success: true as const,
        public_key: rotated.publicKey,
        kid: rotated.kid,
        previous_key_expires_at: rotated.previousKeyExpiresAt,
      },
      200,
    );
  });

  app.openapi(guarded(routes.testWebhook, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    await limit(c, app_id);
    const sent = await sendTestEvent(deps, app_id, webhook_id);
    return c.json({ success: true as const, event_id: sent.eventId, delivery_id: sent.deliveryId }, 200);
  });

  app.openapi(guarded(routes.listDeliveries, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const query = c.req.valid('query');
    await limit(c, app_id);
    await requireWebhook(deps, app_id, webhook_id);
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
    const delivery = await retryDelivery(deps, app_id, webhook_id, delivery_id);
    return c.json({ success: true as const, delivery: publicDelivery(delivery) }, 200);
  });

  app.openapi(guarded(routes.recoverDeliveries, deps), async (c) => {
    const { app_id, webhook_id } = c.req.valid('param');
    const body = c.req.valid('json');
    await limit(c, app_id);
    const recovered = await recoverDeliveries(deps, app_id, webhook_id, {
      since: body.since,
      until: body.until,
      dryRun: body.dry_run,
    });
    return c.json({ success: true as const, count: recovered.count, dry_run: recovered.dryRun }, 200);
  });

  return app;
}
