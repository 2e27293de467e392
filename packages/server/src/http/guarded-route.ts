import type { RouteConfig } from '@hono/zod-openapi';
import { isIdempotent } from '@oriva/contract';
import type { MiddlewareHandler } from 'hono';
import { authorize } from './authenticate.js';
import type { AppEnv, Deps } from './context.js';
import { idempotency } from './idempotency.js';
import { parseRequestsSynchronously } from './synchronous-validation.js';

/**
 * POSTs that store nothing: answering them twice gives the same answer, so an `Idempotency-Key` on
 * them (the SDK sends one with every POST) is accepted and leaves no record behind.
 */
const CHECK_ONLY = new Set(['validateEvent', 'validateEventBatch']);

/**
 * A contract route with the server's guards attached: authorization from its `security`, idempotency where
 * the contract says it is honoured (`isIdempotent`: every authenticated POST), and request validation on zod's fast synchronous path. Handlers register it with
 * `app.openapi(guarded(route, deps), handler)`.
 */
export function guarded<R extends RouteConfig>(route: R, deps: Deps): R {
  parseRequestsSynchronously(route);
  const middleware: MiddlewareHandler<AppEnv>[] = [authorize(route, deps)];
  if (isIdempotent(route) && !CHECK_ONLY.has(route.operationId ?? '')) middleware.push(idempotency(deps));
  return { ...route, middleware };
}
