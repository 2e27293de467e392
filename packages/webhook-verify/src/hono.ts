/**
 * `@oriva/webhook-verify/hono`: Hono middleware. Uses WebCrypto, so it runs wherever Hono runs (Node,
 * Bun, Deno, Cloudflare Workers, edge functions). Typed structurally, so `hono` is not a dependency.
 *
 * @module
 */
import { errorResponse, WebhookVerificationError } from './core/errors.js';
import type { Secrets, VerifyOptions } from './core/types.js';
import { verify } from './web.js';

/** The parts of a Hono `Context` the adapter reads (Hono's `Context` satisfies it). */
export interface HonoContextLike {
  req: {
    raw: { headers: { get(name: string): string | null } };
    arrayBuffer(): Promise<ArrayBuffer>;
  };
  // Any `set` function: Hono's is generic over the app's Variables.
  set: (...args: never[]) => void;
  /** Hono's bindings: environment variables and secrets on Cloudflare Workers. */
  env?: unknown;
}

/**
 * Hono `Env` declaring the variable the middleware sets:
 * `new Hono<WebhookEnv<MyEvent>>()` makes `c.get('webhookEvent')` typed.
 */
export interface WebhookEnv<T = unknown> {
  Variables: { webhookEvent: T };
}

/** Options of {@link webhookMiddleware}. */
export interface HonoWebhookOptions<Bindings = Record<string, string | undefined>> extends VerifyOptions {
  /**
   * The endpoint's `whsec_...` secret, or several during a rotation; or a function reading it from the
   * bindings (`c.env`) on each request, for runtimes such as Cloudflare Workers where environment variables
   * only exist inside a request.
   */
  secret: Secrets | ((env: Bindings) => Secrets | undefined);
}

/**
 * Reads the raw body (`c.req.arrayBuffer()`, cached by Hono so handlers can still call `c.req.json()`)
 * and verifies it. Resolves to the parsed event.
 *
 * @throws {WebhookVerificationError} (as a rejection)
 *
 * @example
 * ```ts
 * app.post('/webhooks/oriva', async (c) => {
 *   const event = await verifyHonoRequest(c, c.env.ORIVA_WEBHOOK_SECRET);
 *   return c.body(null, 204);
 * });
 * ```
 */
export async function verifyHonoRequest<T = unknown>(
  c: Pick<HonoContextLike, 'req'>,
  secrets: Secrets,
  options?: VerifyOptions,
): Promise<T> {
  const body = new Uint8Array(await c.req.arrayBuffer());
  return verify<T>(body, c.req.raw.headers, secrets, options);
}

/**
 * Hono middleware: verifies the webhook and sets the parsed event as `c.get('webhookEvent')`, or answers
 * with the error's status (401 for signature, header and timestamp failures; 500 if the secret is
 * misconfigured) and JSON `{ success: false, error: { code, message } }`.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { type WebhookEnv, webhookMiddleware } from '@oriva/webhook-verify/hono';
 *
 * const app = new Hono<WebhookEnv>();
 * app.post('/webhooks/oriva', webhookMiddleware({ secret: process.env.ORIVA_WEBHOOK_SECRET! }), (c) => {
 *   const event = c.get('webhookEvent');
 *   return c.body(null, 204);
 * });
 *
 * // Cloudflare Workers: read the secret from the bindings on each request.
 * const worker = new Hono<{ Bindings: { ORIVA_WEBHOOK_SECRET: string } } & WebhookEnv>();
 * worker.post('/webhooks/oriva', webhookMiddleware({ secret: (env) => env.ORIVA_WEBHOOK_SECRET }), (c) => c.body(null, 204));
 * ```
 */
export function webhookMiddleware<Bindings = Record<string, string | undefined>>(
  options: HonoWebhookOptions<Bindings>,
): (c: HonoContextLike, next: () => Promise<void>) => Promise<Response | undefined> {
  return async (c, next) => {
    let event: unknown;
    try {
      const secret = typeof options.secret === 'function' ? options.secret((c.env ?? {}) as Bindings) : options.secret;
      event = await verifyHonoRequest(c, secret as Secrets, options);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const { status, body } = errorResponse(error);
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json; charset=UTF-8' },
      });
    }
    (c.set as (key: string, value: unknown) => void)('webhookEvent', event);
    await next();
    return undefined;
  };
}
