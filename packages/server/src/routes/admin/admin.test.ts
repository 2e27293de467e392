import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer({ ORIVA_RETENTION_DAYS: '0' });
  key = await server.createApp('work-buddy');
});
afterAll(() => server.close());

const prune = (body: unknown, token = server.adminToken) =>
  server.request('/api/v1/admin/prune', { method: 'POST', token, json: body });

describe('POST /api/v1/admin/prune', () => {
  it('is for the admin only', async () => {
    expect((await prune({ older_than_days: 30 }, key)).status).toBe(403);
    expect((await server.request('/api/v1/admin/prune', { method: 'POST', json: {} })).status).toBe(401);
  });

  it('names the field when the request is wrong, and asks for a period while retention is off', async () => {
    const both = await prune({ older_than_days: 30, before: new Date().toISOString() });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe(
      'before',
    );
    const zero = await prune({ older_than_days: 0 });
    expect(zero.status).toBe(400);
    const off = await prune({});
    expect(off.status).toBe(400);
    expect(((await off.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe(
      'older_than_days',
    );
  });

  it('deletes events older than the cutoff and keeps notifications and newer events', async () => {
    for (let index = 0; index < 3; index++) {
      const published = await server.request('/api/v1/apps/work-buddy/events', {
        method: 'POST',
        token: key,
        json: { ...DESIGN_DOC_EVENT, entity_id: `old_${index}` },
      });
      expect(published.status).toBe(200);
    }
    const created = await server.request('/api/v1/apps/work-buddy/notifications', {
      method: 'POST',
      token: key,
      json: { external_id: 'keep_me', user_id: 'user_456', notification_type: 'reminder', title: 'Kept', body: 'b' },
    });
    expect(created.status).toBe(201);

    // Nothing is older than 30 days yet.
    const none = await prune({ older_than_days: 30 });
    expect(none.status).toBe(200);
    expect(await none.json()).toMatchObject({ success: true, events_deleted: 0 });

    // A cutoff months ahead covers everything stored so far (on PostgreSQL, whole months of partitions).
    const cutoff = new Date(Date.now() + 130 * 24 * 60 * 60 * 1000).toISOString();
    const pruned = await prune({ before: cutoff });
    expect(pruned.status).toBe(200);
    const result = (await pruned.json()) as { cutoff: string; events_deleted: number };
    expect(result.cutoff).toBe(cutoff);
    // Three events and the notification's `notification.created`.
    expect(result.events_deleted).toBe(4);

    const events = await server.request('/api/v1/apps/work-buddy/events', { token: key });
    expect(((await events.json()) as { events: unknown[] }).events).toEqual([]);
    const user = await server.userToken('user_456');
    const feed = await server.request('/api/v1/users/user_456/notifications', { token: user });
    expect(((await feed.json()) as { notifications: Array<{ external_id: string }> }).notifications).toMatchObject([
      { external_id: 'keep_me' },
    ]);

    // Events stored after pruning are kept and listed as usual.
    const after = await server.request('/api/v1/apps/work-buddy/events', {
      method: 'POST',
      token: key,
      json: { ...DESIGN_DOC_EVENT, entity_id: 'new' },
    });
    expect(after.status).toBe(200);
    const listed = await server.request('/api/v1/apps/work-buddy/events', { token: key });
    expect(((await listed.json()) as { events: Array<{ entity_id: string }> }).events).toMatchObject([
      { entity_id: 'new' },
    ]);
  });
});
