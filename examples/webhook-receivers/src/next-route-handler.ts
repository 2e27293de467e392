/**
 * A Next.js App Router route handler: copy `POST` into `app/api/oriva/route.ts`. It is a plain
 * `(request: Request) => Promise<Response>`, so this example runs it without Next (on @hono/node-server)
 * and its tests call it with a web `Request`. Run: `ORIVA_WEBHOOK_SECRET=whsec_… pnpm tsx src/next-route-handler.ts`.
 */
import { serve } from '@hono/node-server';
import { errorResponse, isWebhookVerificationError, verifyRequest } from '@oriva/webhook-verify';
import { handOff, isMain, logEvent, type OrivaEvent, port, type ReceiverOptions, secretFromEnv } from './shared.js';

export function createRouteHandler({ secret, onEvent }: ReceiverOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    let event: OrivaEvent;
    try {
      event = await verifyRequest<OrivaEvent>(request, secret); // reads the raw body: never request.json() first
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      const { status, body } = errorResponse(error); // 401 bad signature, 400 not JSON
      return Response.json(body, { status });
    }
    // In Next.js, prefer `after(() => onEvent(event))` from 'next/server' so the work survives the response.
    handOff(onEvent, event);
    return new Response(null, { status: 204 });
  };
}

// app/api/oriva/route.ts — the secret is read per request, so a missing one fails loudly (500) rather than at build.
export async function POST(request: Request): Promise<Response> {
  return createRouteHandler({ secret: process.env.ORIVA_WEBHOOK_SECRET ?? '', onEvent: logEvent })(request);
}

if (isMain(import.meta.url)) {
  secretFromEnv();
  serve({ fetch: POST, port: port() }, (info) =>
    console.log(`Next.js route handler on http://127.0.0.1:${info.port}/ (any path, POST)`),
  );
}
