import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '../../testing/harness.js';

interface ErrorJson {
  success: false;
  error: {
    code: string;
    message: string;
    status: number;
    request_id: string;
    fields?: Array<{ path: string; code: string }>;
  };
}

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = await server.createApp('work-buddy', 'Work Buddy');
});
afterAll(() => server.close());

const publish = (json: unknown, headers: Record<string, string> = {}) =>
  server.request('/api/v1/apps/work-buddy/events', { method: 'POST', token: key, json, headers });

describe('POST /api/v1/apps/{app_id}/events', () => {
  it("accepts the design document's example request as written", async () => {
    const response = await publish(DESIGN_DOC_EVENT);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; event_id: string; timestamp: string };
    expect(body.success).toBe(true);
    expect(body.event_id).toMatch(/^evt_[0-9A-Z]{26}$/);
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);

    const list = await server.request(`/api/v1/apps/work-buddy/events?entity_id=wb_notif_123`, { token: key });
    const page = (await list.json()) as { events: Array<Record<string, unknown>> };
    expect(page.events[0]).toMatchObject({
      id: body.event_id,
      type: 'notification.dismissed',
      app_id: 'work-buddy',
      ...DESIGN_DOC_EVENT,
      timestamp: body.timestamp,
    });
  });

  it('names every wrong, missing and unknown field', async () => {
    const response = await publish({ event_category: 'Not Valid', event_type: 5, entity_id: 'x', surprise: true });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.success).toBe(false);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
    const byPath = Object.fromEntries((body.error.fields ?? []).map((field) => [field.path, field.code]));
    expect(byPath).toEqual({
      event_category: 'invalid_format',
      event_type: 'invalid_type',
      entity_type: 'required',
      user_id: 'required',
      surprise: 'unknown_field',
    });
  });

  it('refuses control characters and an event_data that is not an object', async () => {
    const response = await publish({ ...DESIGN_DOC_EVENT, entity_id: 'a\u0000b', event_data: [1, 2] });
    const body = (await response.json()) as ErrorJson;
    expect(response.status).toBe(400);
    expect(body.error.fields?.map((field) => field.path).sort()).toEqual(['entity_id', 'event_data']);
  });

  it('refuses event_data over 64 KiB with the field named', async () => {
    const response = await publish({ ...DESIGN_DOC_EVENT, event_data: { blob: 'x'.repeat(70_000) } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'event_data', code: 'too_big' })]);
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await server.request('/api/v1/apps/work-buddy/events', {
      method: 'POST',
      token: key,
      headers: { 'content-type': 'application/json' },
      body: '{"event_category": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.code).toBe('malformed_json');
  });

  it('answers a non-JSON content type with 415', async () => {
    const response = await server.request('/api/v1/apps/work-buddy/events', {
      method: 'POST',
      token: key,
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(DESIGN_DOC_EVENT),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorJson).error.code).toBe('unsupported_media_type');
  });

  it('answers a body over 1 MiB with 413, with a content length and when chunked', async () => {
    const big = JSON.stringify({ ...DESIGN_DOC_EVENT, event_data: { blob: 'x'.repeat(1_100_000) } });
    const sized = await publish(JSON.parse(big));
    expect(sized.status).toBe(413);
    expect(((await sized.json()) as ErrorJson).error.code).toBe('payload_too_large');

    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${server.url}/api/v1/apps/work-buddy/events`);
      const req = httpRequest(
        url,
        { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // No content-length: node sends the body chunked.
      for (let index = 0; index < 12; index++) req.write(big.slice(index * 100_000, (index + 1) * 100_000));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large');
  });

  it('answers unknown routes with 404 in the same shape', async () => {
    const response = await server.request('/api/v1/nothing-here', { token: key });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorJson;
    expect(body).toMatchObject({ success: false, error: { code: 'route_not_found', status: 404 } });
  });
});

describe('Idempotency-Key', () => {
  it('returns the stored response for the same key and body, and 409 for another body', async () => {
    const headers = { 'idempotency-key': 'sequential-1' };
    const first = await publish(DESIGN_DOC_EVENT, headers);
    const firstBody = await first.json();
    const second = await publish(DESIGN_DOC_EVENT, headers);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(firstBody);

    const other = await publish({ ...DESIGN_DOC_EVENT, entity_id: 'other' }, headers);
    expect(other.status).toBe(409);
    expect(((await other.json()) as ErrorJson).error.code).toBe('idempotency_key_reused');
    expect(other.headers.get('x-should-retry')).toBe('false');

    const stored = await server.request('/api/v1/apps/work-buddy/events?entity_id=wb_notif_123&limit=500', {
      token: key,
    });
    const ids = ((await stored.json()) as { events: Array<{ id: string }> }).events.map((event) => event.id);
    expect(ids.filter((id) => id === (firstBody as { event_id: string }).event_id)).toHaveLength(1);
  });

  it('stores one event for concurrent duplicates', async () => {
    const entity = `concurrent-${Date.now()}`;
    const headers = { 'idempotency-key': `concurrent-${entity}` };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => publish({ ...DESIGN_DOC_EVENT, entity_id: entity }, headers)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(statuses).toContain(200);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(((await response.json()) as ErrorJson).error.code).toBe('idempotency_request_in_progress');
      expect(response.headers.get('retry-after')).toBe('1');
    }
    const eventIds = new Set(
      await Promise.all(
        responses.filter((r) => r.status === 200).map(async (r) => ((await r.json()) as { event_id: string }).event_id),
      ),
    );
    expect(eventIds.size).toBe(1);
    const stored = await server.request(`/api/v1/apps/work-buddy/events?entity_id=${entity}`, { token: key });
    expect(((await stored.json()) as { pagination: { total: number } }).pagination.total).toBe(1);
  });

  it('scopes keys to the caller: another app may use the same key', async () => {
    const otherKey = await server.createApp('hugo');
    const headers = { 'idempotency-key': 'shared-key', authorization: `Bearer ${otherKey}` };
    const mine = await publish(DESIGN_DOC_EVENT, { 'idempotency-key': 'shared-key' });
    const theirs = await server.request('/api/v1/apps/hugo/events', {
      method: 'POST',
      json: DESIGN_DOC_EVENT,
      headers,
    });
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('POST /api/v1/apps/{app_id}/events/batch', () => {
  it('stores every event in order', async () => {
    const events = Array.from({ length: 500 }, (_, index) => ({ ...DESIGN_DOC_EVENT, entity_id: `batch-ok-${index}` }));
    const response = await server.request('/api/v1/apps/work-buddy/events/batch', {
      method: 'POST',
      token: key,
      json: { events },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { count: number; events: Array<{ event_id: string }> };
    expect(body.count).toBe(500);
    const ids = body.events.map((event) => event.event_id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stores nothing when one event is invalid, and names it', async () => {
    const entity = `batch-bad-${Date.now()}`;
    const events: Array<Record<string, unknown>> = Array.from({ length: 10 }, () => ({
      ...DESIGN_DOC_EVENT,
      entity_id: entity,
    }));
    events[3] = { ...DESIGN_DOC_EVENT, entity_id: entity, user_id: undefined };
    events[7] = { ...DESIGN_DOC_EVENT, entity_id: entity, event_data: { blob: 'x'.repeat(70_000) } };
    const response = await server.request('/api/v1/apps/work-buddy/events/batch', {
      method: 'POST',
      token: key,
      json: { events },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.fields?.map((field) => field.path)).toEqual(['events.3.user_id']);

    // The size check runs after the schema; fix the schema error and the size error is reported alone.
    events[3] = { ...DESIGN_DOC_EVENT, entity_id: entity };
    const second = await server.request('/api/v1/apps/work-buddy/events/batch', {
      method: 'POST',
      token: key,
      json: { events },
    });
    expect(((await second.json()) as ErrorJson).error.fields?.map((field) => field.path)).toEqual([
      'events.7.event_data',
    ]);
    const stored = await server.request(`/api/v1/apps/work-buddy/events?entity_id=${entity}`, { token: key });
    expect(((await stored.json()) as { pagination: { total: number } }).pagination.total).toBe(0);
  });

  it('refuses an empty batch and one over 500 events', async () => {
    for (const count of [0, 501]) {
      const response = await server.request('/api/v1/apps/work-buddy/events/batch', {
        method: 'POST',
        token: key,
        json: { events: Array.from({ length: count }, () => DESIGN_DOC_EVENT) },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorJson).error.fields?.[0]?.path).toBe('events');
    }
  });
});

describe('GET /api/v1/apps/{app_id}/events', () => {
  it('filters by category, type, user, entity and date range', async () => {
    const appKey = await server.createApp('filters-app');
    const send = (event: object) =>
      server.request('/api/v1/apps/filters-app/events', { method: 'POST', token: appKey, json: event });
    await send({ ...DESIGN_DOC_EVENT, user_id: 'u1' });
    await send({ ...DESIGN_DOC_EVENT, event_category: 'session', event_type: 'created', user_id: 'u1' });
    await send({ ...DESIGN_DOC_EVENT, event_type: 'read', user_id: 'u2', entity_id: 'n2' });
    const totalFor = async (query: string) => {
      const response = await server.request(`/api/v1/apps/filters-app/events?${query}`, { token: appKey });
      expect(response.status).toBe(200);
      return ((await response.json()) as { pagination: { total: number } }).pagination.total;
    };
    expect(await totalFor('')).toBe(3);
    expect(await totalFor('event_category=notification')).toBe(2);
    expect(await totalFor('event_category=notification&event_type=read')).toBe(1);
    expect(await totalFor('user_id=u1')).toBe(2);
    expect(await totalFor('entity_id=n2')).toBe(1);
    expect(await totalFor(`start_date=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).toBe(3);
    expect(await totalFor(`end_date=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).toBe(0);
  });

  it('validates query parameters', async () => {
    const response = await server.request('/api/v1/apps/work-buddy/events?limit=501&start_date=yesterday&after=x', {
      token: key,
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as ErrorJson).error.fields?.map((field) => field.path).sort();
    expect(paths).toEqual(['after', 'limit', 'start_date']);
  });

  it('pages by offset and by cursor, and the cursor neither repeats nor skips while events arrive', async () => {
    const appKey = await server.createApp('paging-app');
    const post = (entity: string) =>
      server.request('/api/v1/apps/paging-app/events', {
        method: 'POST',
        token: appKey,
        json: { ...DESIGN_DOC_EVENT, entity_id: entity },
      });
    const batch = Array.from({ length: 95 }, (_, index) => ({ ...DESIGN_DOC_EVENT, entity_id: `e${index}` }));
    await server.request('/api/v1/apps/paging-app/events/batch', {
      method: 'POST',
      token: appKey,
      json: { events: batch },
    });

    const byOffset = await server.request('/api/v1/apps/paging-app/events?limit=10&offset=90', { token: appKey });
    const offsetPage = (await byOffset.json()) as {
      events: Array<{ entity_id: string }>;
      pagination: { total: number; has_more: boolean; offset: number };
    };
    expect(offsetPage.pagination).toMatchObject({ total: 95, has_more: false, offset: 90 });
    expect(offsetPage.events.map((event) => event.entity_id)).toEqual(['e4', 'e3', 'e2', 'e1', 'e0']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=10&after=${cursor}` : 'limit=10';
      const response = await server.request(`/api/v1/apps/paging-app/events?${query}`, { token: appKey });
      const page = (await response.json()) as {
        events: Array<{ entity_id: string }>;
        pagination: { next_cursor: string | null; has_more: boolean };
      };
      seen.push(...page.events.map((event) => event.entity_id));
      cursor = page.pagination.next_cursor;
      // New events arrive between pages; they are newer than the cursor and must not appear.
      await post(`late-${pages++}`);
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 95 }, (_, index) => `e${94 - index}`));
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and RateLimit headers once the window is spent, per app', async () => {
    const limited = await startTestServer({ ORIVA_RATE_LIMITS: 'events=3/1m' });
    try {
      const appKey = await limited.createApp('limited');
      const otherKey = await limited.createApp('other');
      const send = (app: string, token: string) =>
        limited.request(`/api/v1/apps/${app}/events`, { method: 'POST', token, json: DESIGN_DOC_EVENT });
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let index = 0; index < 4; index++) {
        last = await send('limited', appKey);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last!.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(last!.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await last!.json()) as ErrorJson).error.code).toBe('rate_limited');
      expect((await send('other', otherKey)).status).toBe(200);

      const batch = await limited.request('/api/v1/apps/other/events/batch', {
        method: 'POST',
        token: otherKey,
        json: { events: [DESIGN_DOC_EVENT, DESIGN_DOC_EVENT, DESIGN_DOC_EVENT] },
      });
      expect(batch.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
