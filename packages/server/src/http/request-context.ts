import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { newId } from '../ids.js';
import type { AppEnv, Deps } from './context.js';

const INCOMING_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when sane), echoes it, and records one log
 * line and the route metrics when the response is ready.
 */
export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : newId('req');
    c.set('requestId', requestId);
    // Set before the response exists so hono folds it into the response it builds; touching
    // c.res.headers afterwards makes node-server rebuild the whole Response (a third of the CPU).
    c.header('X-Request-Id', requestId);
    await next();

    const seconds = (performance.now() - started) / 1000;
    const route = c.res.status === 404 && c.req.routePath === '/*' ? 'unmatched' : routePath(c, -1);
    const method = c.req.method;
    deps.metrics.httpRequests.inc({ method, route, status: c.res.status });
    deps.metrics.httpDuration.observe({ method, route }, seconds);
    if (deps.logger.isLevelEnabled('info')) {
      const principal = c.get('principal');
      deps.logger.info({
        req_id: requestId,
        method,
        path: c.req.path,
        status: c.res.status,
        duration_ms: Math.round(seconds * 10_000) / 10,
        principal: principal?.kind === 'app' ? `app:${principal.appId}` : principal?.kind,
      });
    }
  };
}
