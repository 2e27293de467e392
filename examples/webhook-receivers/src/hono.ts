/**
 * Hono receiver (Node here; the same app runs on Workers, Bun and Deno). Run:
 * `ORIVA_WEBHOOK_SECRET=whsec_… pnpm tsx src/hono.ts`.
 */
import { serve } from '@hono/node-server';
import { type WebhookEnv, webhookMiddleware } from '@oriva/webhook-verify/hono';
import { Hono } from 'hono';
import { handOff, isMain, logEvent, type OrivaEvent, port, type ReceiverOptions, secretFromEnv } from './shared.js';

export function createHonoReceiver({ secret, onEvent }: ReceiverOptions): Hono<WebhookEnv<OrivaEvent>> {
  const app = new Hono<WebhookEnv<OrivaEvent>>();
  // The middleware reads the raw body itself and answers 401/400 with a JSON error when verification fails.
  app.post('/webhooks/oriva', webhookMiddleware({ secret }), (c) => {
    handOff(onEvent, c.get('webhookEvent'));
    return c.body(null, 204);
  });
  return app;
}

if (isMain(import.meta.url)) {
  const app = createHonoReceiver({ secret: secretFromEnv(), onEvent: logEvent });
  serve({ fetch: app.fetch, port: port() }, (info) =>
    console.log(`Hono receiver on http://127.0.0.1:${info.port}/webhooks/oriva`),
  );
}
