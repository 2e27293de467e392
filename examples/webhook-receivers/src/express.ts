/**
 * Express 5 receiver. Run: `ORIVA_WEBHOOK_SECRET=whsec_… pnpm tsx src/express.ts`, then point a webhook
 * at http://127.0.0.1:3000/webhooks/oriva.
 */
import { webhookMiddleware } from '@oriva/webhook-verify/express';
import express, { type Express } from 'express';
import { handOff, isMain, logEvent, type OrivaEvent, port, type ReceiverOptions, secretFromEnv } from './shared.js';

export function createExpressReceiver({ secret, onEvent }: ReceiverOptions): Express {
  const app = express();
  app.post(
    '/webhooks/oriva',
    // The signature covers the exact bytes Oriva sent: keep them raw (a Buffer in req.body). Register this
    // route before any app-wide express.json(), which would parse the body first.
    express.raw({ type: 'application/json' }),
    // 401 on a bad signature or timestamp, 400 on a signed body that is not JSON.
    webhookMiddleware({ secret }),
    (_req, res) => {
      res.sendStatus(204);
      handOff(onEvent, res.locals.webhookEvent as OrivaEvent);
    },
  );
  app.use(express.json()); // the rest of your API can parse JSON as usual
  return app;
}

if (isMain(import.meta.url)) {
  createExpressReceiver({ secret: secretFromEnv(), onEvent: logEvent }).listen(port(), () =>
    console.log(`Express receiver on http://127.0.0.1:${port()}/webhooks/oriva`),
  );
}
