/**
 * Plain node:http receiver, no framework. Run: `ORIVA_WEBHOOK_SECRET=whsec_… pnpm tsx src/node-http.ts`.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { sendWebhookError, verifyNodeRequest } from '@oriva/webhook-verify/http';
import { handOff, isMain, logEvent, type OrivaEvent, port, type ReceiverOptions, secretFromEnv } from './shared.js';

export function createNodeHandler({ secret, onEvent }: ReceiverOptions): RequestListener {
  return async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/webhooks/oriva') return void res.writeHead(404).end();
    let event: OrivaEvent;
    try {
      event = await verifyNodeRequest<OrivaEvent>(req, secret); // reads the raw body (1 MiB limit), verifies
    } catch (error) {
      return sendWebhookError(res, error); // 401 bad signature, 400 not JSON, 413 too large, 500 misconfigured
    }
    res.writeHead(204).end();
    handOff(onEvent, event);
  };
}

export const createNodeReceiver = (options: ReceiverOptions): Server => createServer(createNodeHandler(options));

if (isMain(import.meta.url)) {
  createNodeReceiver({ secret: secretFromEnv(), onEvent: logEvent }).listen(port(), () =>
    console.log(`node:http receiver on http://127.0.0.1:${port()}/webhooks/oriva`),
  );
}
