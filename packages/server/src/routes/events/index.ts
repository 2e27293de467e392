import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { Context } from 'hono';
import { principalScope } from '../../auth/principal.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { requestOrigin } from '../../http/origin.js';
import { validationHook } from '../../http/validation.js';
import type { EventChecks } from '../../services/event-types/event-checks.js';
import { checkEventInputs, storeEvents, toPublicEvent } from '../../services/events.js';
import { decodeCursor, encodeCursor, pageOf } from '../pagination.js';

/** Names the n-th event of a batch in errors: `events.3.event_data/duration`. */
const inBatch = (index: number) => `events.${index}.`;

/** Under `undeclared_types: warn`, the response names the request's undeclared types. */
function warnOfUndeclared(c: Context, checks: EventChecks): void {
  if (checks.warnUndeclared.length > 0) c.header(UNDECLARED_TYPES_HEADER, checks.warnUndeclared.join(', '));
}

export const UNDECLARED_TYPES_HEADER = 'Oriva-Undeclared-Types';

export function eventRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.publishEvent, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await deps.rateLimiter?.enforce(c, 'events', app_id, 1);
    const { records, checks } = await checkEventInputs(deps, app_id, [input], requestOrigin(c, deps));
    await storeEvents(deps, records);
    warnOfUndeclared(c, checks);
    const [record] = records;
    return c.json({ success: true as const, event_id: record!.id, timestamp: record!.timestamp }, 200);
  });

  app.openapi(guarded(routes.publishEventBatch, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const { events } = c.req.valid('json');
    // A batch counts as its number of events against the design document's 1,000 events per 15 minutes.
    await deps.rateLimiter?.enforce(c, 'events', app_id, events.length);
    const { records, checks } = await checkEventInputs(deps, app_id, events, requestOrigin(c, deps), inBatch);
    await storeEvents(deps, records);
    warnOfUndeclared(c, checks);
    return c.json(
      {
        success: true as const,
        count: records.length,
        events: records.map((record) => ({ event_id: record.id, timestamp: record.timestamp })),
      },
      200,
    );
  });

  // Validating stores nothing, so it spends the caller's query budget, not its publishing one.
  app.openapi(guarded(routes.validateEvent, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await deps.rateLimiter?.enforce(c, 'queries', principalScope(c.get('principal')!), 1);
    const { checks } = await checkEventInputs(deps, app_id, [input], requestOrigin(c, deps));
    warnOfUndeclared(c, checks);
    return c.json({ success: true as const, valid: true as const, check: checks.checks[0]! }, 200);
  });

  app.openapi(guarded(routes.validateEventBatch, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const { events } = c.req.valid('json');
    await deps.rateLimiter?.enforce(c, 'queries', principalScope(c.get('principal')!), 1);
    const { checks } = await checkEventInputs(deps, app_id, events, requestOrigin(c, deps), inBatch);
    warnOfUndeclared(c, checks);
    return c.json(
      { success: true as const, valid: true as const, count: checks.checks.length, checks: checks.checks },
      200,
    );
  });

  app.openapi(guarded(routes.listEvents, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const query = c.req.valid('query');
    const principal = c.get('principal')!;
    await deps.rateLimiter?.enforce(c, 'queries', principalScope(principal), 1);
    const { after, start_date, end_date, ...filters } = query;
    const page = await deps.storage.events.list({
      ...filters,
      app_id,
      start_date: start_date ? new Date(start_date).toISOString() : undefined,
      end_date: end_date ? new Date(end_date).toISOString() : undefined,
      before_position: after ? decodeCursor(after) : undefined,
      limit: query.limit + 1,
      offset: after ? 0 : query.offset,
    });
    const { items, has_more, next_cursor } = pageOf(page.items, query.limit, (last) => encodeCursor(last.position));
    return c.json(
      {
        success: true as const,
        events: items.map(toPublicEvent),
        pagination: { total: page.total, limit: query.limit, offset: after ? 0 : query.offset, has_more, next_cursor },
      },
      200,
    );
  });

  return app;
}
