import { describe, expect, it } from 'vitest';
import { serverWithApp } from '../../testing/server-with-app.test-support.js';

const context = serverWithApp();

interface ErrorBody {
  error: { code: string; fields?: Array<{ path: string; code: string }> };
}

const event = (category: string, type: string, event_data: Record<string, unknown> = {}) => ({
  event_category: category,
  event_type: type,
  entity_type: 'session',
  entity_id: 'sess_1',
  user_id: 'user_456',
  event_data,
});

/** An app with the policy, declaring `session.ended` (a duration is required). */
async function appWith(policy: 'allow' | 'warn' | 'reject', appId: string) {
  const key = await context.server.createApp(appId);
  const patched = await context.server.request(`/api/v1/apps/${appId}`, {
    method: 'PATCH',
    token: key,
    json: { undeclared_types: policy },
  });
  expect(patched.status).toBe(200);
  const declared = await context.server.request(`/api/v1/apps/${appId}/event-types/session.ended`, {
    method: 'PUT',
    token: key,
    json: { schema: { type: 'object', required: ['duration'], properties: { duration: { type: 'integer' } } } },
  });
  expect(declared.status).toBe(201);
  const post = (path: string, json: unknown, headers: Record<string, string> = {}) =>
    context.server.request(`/api/v1/apps/${appId}/${path}`, { method: 'POST', token: key, json, headers });
  const eventCount = async () => {
    const listed = await context.server.request(`/api/v1/apps/${appId}/events?limit=500`, { token: key });
    return ((await listed.json()) as { events: unknown[] }).events.length;
  };
  return { key, post, eventCount };
}

describe('undeclared types', () => {
  it('allow (the default) stores undeclared types without a header', async () => {
    const app = await appWith('allow', 'allow-app');
    const published = await app.post('events', event('task', 'started'));
    expect(published.status).toBe(200);
    expect(published.headers.get('oriva-undeclared-types')).toBeNull();
    expect(await app.eventCount()).toBe(1);
  });

  it('warn stores them and names each undeclared type once in Oriva-Undeclared-Types', async () => {
    const app = await appWith('warn', 'warn-app');
    const single = await app.post('events', event('task', 'started'));
    expect(single.status).toBe(200);
    expect(single.headers.get('oriva-undeclared-types')).toBe('task.started');

    const batch = await app.post('events/batch', {
      events: [
        event('task', 'started'),
        event('session', 'ended', { duration: 5 }),
        event('task', 'done'),
        event('task', 'started'),
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('oriva-undeclared-types')).toBe('task.started, task.done');
    expect(await app.eventCount()).toBe(5);

    // Only declared types: no header. The platform's own types count as declared (apps publish them to sync).
    const declared = await app.post('events/batch', {
      events: [event('session', 'ended', { duration: 1 }), event('notification', 'dismissed')],
    });
    expect(declared.status).toBe(200);
    expect(declared.headers.get('oriva-undeclared-types')).toBeNull();
  });

  it('reject refuses a batch with any undeclared type, naming every one, and stores none of it', async () => {
    const app = await appWith('reject', 'reject-app');
    const single = await app.post('events', event('task', 'started'));
    expect(single.status).toBe(422);
    const singleError = ((await single.json()) as ErrorBody).error;
    expect(singleError.code).toBe('event_type_undeclared');
    expect(singleError.fields).toEqual([
      expect.objectContaining({ path: 'event_type', code: 'event_type_undeclared' }),
    ]);

    const batch = await app.post('events/batch', {
      events: [event('session', 'ended', { duration: 5 }), event('task', 'started'), event('task', 'done')],
    });
    expect(batch.status).toBe(422);
    const batchError = ((await batch.json()) as ErrorBody).error;
    expect(batchError.code).toBe('event_type_undeclared');
    expect(batchError.fields?.map((field) => field.path)).toEqual(['events.1.event_type', 'events.2.event_type']);
    expect(await app.eventCount()).toBe(0);

    // Declared and platform types pass; a declared type still has its schema checked.
    const accepted = await app.post('events/batch', {
      events: [event('session', 'ended', { duration: 5 }), event('notification', 'dismissed')],
    });
    expect(accepted.status).toBe(200);
    const invalid = await app.post('events', event('session', 'ended', { duration: 'long' }));
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as ErrorBody).error.code).toBe('event_data_invalid');
    expect(await app.eventCount()).toBe(2);

    // Back to allow: honoured at once.
    await context.server.request('/api/v1/apps/reject-app', {
      method: 'PATCH',
      token: app.key,
      json: { undeclared_types: 'allow' },
    });
    expect((await app.post('events', event('task', 'started'))).status).toBe(200);
  });
});

describe('validating events', () => {
  it('answers what publishing would, per event, with the schema version checked', async () => {
    const app = await appWith('warn', 'validate-app');
    const single = await app.post('events/validate', event('session', 'ended', { duration: 5 }));
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual({
      success: true,
      valid: true,
      check: { event_type: 'session.ended', declared: true, schema_version: 1 },
    });
    expect(single.headers.get('oriva-undeclared-types')).toBeNull();

    const batch = await app.post('events/batch/validate', {
      events: [
        event('session', 'ended', { duration: 5 }),
        event('task', 'started'),
        event('notification', 'dismissed'),
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.headers.get('oriva-undeclared-types')).toBe('task.started');
    expect(await batch.json()).toEqual({
      success: true,
      valid: true,
      count: 3,
      checks: [
        { event_type: 'session.ended', declared: true, schema_version: 1 },
        { event_type: 'task.started', declared: false, schema_version: null },
        { event_type: 'notification.dismissed', declared: true, schema_version: null },
      ],
    });

    // The same errors as publishing: schema, oversized event_data, body shape.
    const invalid = await app.post('events/batch/validate', {
      events: [event('session', 'ended', { duration: 1 }), event('session', 'ended', { duration: 'x' })],
    });
    expect(invalid.status).toBe(422);
    const error = ((await invalid.json()) as ErrorBody).error;
    expect(error.code).toBe('event_data_invalid');
    expect(error.fields?.map((field) => field.path)).toEqual(['events.1.event_data/duration']);
    const huge = await app.post('events/validate', event('task', 'big', { blob: 'x'.repeat(70_000) }));
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as ErrorBody).error.fields?.map((field) => field.path)).toEqual(['event_data']);
    const malformed = await app.post('events/validate', { event_category: 'task' });
    expect(malformed.status).toBe(400);

    await context.server.request('/api/v1/apps/validate-app', {
      method: 'PATCH',
      token: app.key,
      json: { undeclared_types: 'reject' },
    });
    const rejected = await app.post('events/batch/validate', {
      events: [event('task', 'started'), event('session', 'ended', { duration: 1 })],
    });
    expect(rejected.status).toBe(422);
    expect(((await rejected.json()) as ErrorBody).error.fields?.map((field) => field.path)).toEqual([
      'events.0.event_type',
    ]);
  });

  it('stores nothing: no event, no webhook delivery, no idempotency record', async () => {
    const app = await appWith('allow', 'dry-run-app');
    const hook = await context.server.request('/api/v1/apps/dry-run-app/webhooks', {
      method: 'POST',
      token: app.key,
      json: { webhook_url: 'http://127.0.0.1:9/hook', subscribed_events: ['session.ended'] },
    });
    expect(hook.status).toBe(201);
    const { webhook_id } = (await hook.json()) as { webhook_id: string };
    const deliveries = async () => {
      const listed = await context.server.request(`/api/v1/apps/dry-run-app/webhooks/${webhook_id}/deliveries`, {
        token: app.key,
      });
      return ((await listed.json()) as { deliveries: unknown[] }).deliveries.length;
    };

    const body = event('session', 'ended', { duration: 5 });
    const validated = await app.post('events/validate', body, { 'Idempotency-Key': 'same-key' });
    expect(validated.status).toBe(200);
    expect(validated.headers.get('idempotent-replayed')).toBeNull();
    const batch = await app.post('events/batch/validate', { events: [body, body] }, { 'Idempotency-Key': 'batch-key' });
    expect(batch.status).toBe(200);
    expect(await app.eventCount()).toBe(0);
    expect(await deliveries()).toBe(0);

    // Had validating kept the key, publishing under it (another request) would be a 409.
    const published = await app.post('events', body, { 'Idempotency-Key': 'same-key' });
    expect(published.status).toBe(200);
    expect(await app.eventCount()).toBe(1);
    expect(await deliveries()).toBe(1);
  });
});
