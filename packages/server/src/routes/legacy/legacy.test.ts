import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
let workBuddy: string;
let hugo: string;
let ORIVA_API_BASE: string;

beforeAll(async () => {
  server = await startTestServer();
  workBuddy = await server.createApp('work-buddy', 'Work Buddy');
  hugo = await server.createApp('hugo', 'Hugo');
  ORIVA_API_BASE = `${server.url}/api/v1`;
});
afterAll(() => server.close());

const notify = async (external_id: string, user_id = 'user_456') => {
  const response = await server.request('/api/v1/apps/work-buddy/notifications', {
    method: 'POST',
    token: workBuddy,
    json: { external_id, user_id, notification_type: 'session_reminder', title: 'Session starting soon' },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { notification_id: string }).notification_id;
};

const legacy = (body: unknown, token = workBuddy, app = 'work-buddy') =>
  server.request(`/api/v1/apps/${app}/notifications/events`, { method: 'POST', token, json: body });

const expectDeprecationHeaders = (response: Response) => {
  // RFC 9745: the date it was deprecated, as a structured-field date (2026-11-25T00:00:00Z).
  expect(response.headers.get('deprecation')).toBe('@1795564800');
  expect(response.headers.get('sunset')).toBe('Wed, 30 Jun 2027 23:59:59 GMT');
  expect(response.headers.get('link')).toBe('</docs/migration>; rel="deprecation"');
};

describe('POST /api/v1/apps/{app_id}/notifications/events (deprecated)', () => {
  it("accepts the design document's Before request as written, plus the API key", async () => {
    const notificationId = await notify('wb_123');

    // The "Before" code of the design document's Migration Path, with only the Authorization header added:
    // no Content-Type, so fetch sends the string as text/plain.
    const response = await fetch(`${ORIVA_API_BASE}/apps/work-buddy/notifications/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${workBuddy}` },
      body: JSON.stringify({
        notification_id: 'wb_123',
        status: 'dismissed',
      }),
    });

    expect(response.status).toBe(200);
    expectDeprecationHeaders(response);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      success: true,
      notification_id: notificationId,
      status: 'dismissed',
      updated_at: expect.any(String),
      changed: true,
    });

    // The same state change and event as PATCH /notifications/{id}.
    const read = await server.request(`/api/v1/notifications/${notificationId}`, { token: workBuddy });
    const { notification } = (await read.json()) as { notification: { status: string; dismissed_at: string } };
    expect(notification.status).toBe('dismissed');
    expect(notification.dismissed_at).toEqual(expect.any(String));
    const events = await server.request('/api/v1/apps/work-buddy/events?event_type=dismissed', { token: workBuddy });
    const list = (await events.json()) as {
      events: Array<{ type: string; entity_id: string; event_data: Record<string, unknown> }>;
    };
    expect(list.events).toHaveLength(1);
    expect(list.events[0]).toMatchObject({
      type: 'notification.dismissed',
      entity_id: 'wb_123',
      event_data: {
        notification_id: notificationId,
        previous_status: 'unread',
        status: 'dismissed',
        changed_by: 'app',
      },
    });

    // Repeating it changes nothing, as PATCH would.
    const again = await legacy({ notification_id: 'wb_123', status: 'dismissed' });
    expect(((await again.json()) as { changed: boolean }).changed).toBe(false);
  });

  it('takes the platform id too, and every settable status, with JSON content type', async () => {
    const notificationId = await notify('wb_456');
    const read = await legacy({ notification_id: notificationId, status: 'read' });
    expect(read.status).toBe(200);
    expectDeprecationHeaders(read);
    expect(await read.json()).toMatchObject({ status: 'read', changed: true });
    const clicked = await legacy({ notification_id: 'wb_456', status: 'clicked', click_action: 'open_session' });
    expect(await clicked.json()).toMatchObject({ status: 'clicked', changed: true });
    const unread = await legacy({ notification_id: 'wb_456', status: 'unread', user_id: 'user_456' });
    expect(await unread.json()).toMatchObject({ status: 'unread', changed: true });
  });

  it('answers bad input with a 400 naming the field, still marked deprecated', async () => {
    const response = await legacy({ notification_id: 'wb_123', status: 'archived', colour: 'red' });
    expect(response.status).toBe(400);
    expectDeprecationHeaders(response);
    const { error } = (await response.json()) as { error: { code: string; fields: Array<{ path: string }> } };
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((field) => field.path).sort()).toEqual(['colour', 'status']);

    const missing = await legacy({ status: 'read' });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { error: { fields: Array<{ path: string; code: string }> } };
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'notification_id', code: 'required' })]);

    const notJson = await fetch(`${ORIVA_API_BASE}/apps/work-buddy/notifications/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${workBuddy}` },
      body: 'notification_id=wb_123',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
  });

  it("acts on the app's own notifications only, with its API key", async () => {
    await notify('wb_789');
    const otherApp = await legacy({ notification_id: 'wb_789', status: 'read' }, hugo, 'hugo');
    expect(otherApp.status).toBe(404);
    const wrongPath = await legacy({ notification_id: 'wb_789', status: 'read' }, hugo);
    expect(wrongPath.status).toBe(403);
    const wrongUser = await legacy({ notification_id: 'wb_789', status: 'read', user_id: 'user_999' });
    expect(wrongUser.status).toBe(404);
    const anonymous = await server.request('/api/v1/apps/work-buddy/notifications/events', {
      method: 'POST',
      json: { notification_id: 'wb_789', status: 'read' },
    });
    expect(anonymous.status).toBe(401);
    expectDeprecationHeaders(anonymous);
    const user = await legacy({ notification_id: 'wb_789', status: 'read' }, await server.userToken('user_456'));
    expect(user.status).toBe(403);
  });

  it('is marked deprecated in the OpenAPI document', async () => {
    const document = (await (await server.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { deprecated?: boolean }>>;
    };
    expect(document.paths['/api/v1/apps/{app_id}/notifications/events']?.post?.deprecated).toBe(true);
  });
});
