import { describe, expect, it } from 'vitest';
import { json, testClient } from '../fake-fetch.test-support.js';
import type { PortalSessionResponse } from '../types.js';

const session: PortalSessionResponse = {
  success: true,
  url: 'http://oriva.test/console#token=ops_abc.def',
  token: 'ops_abc.def',
  app_id: 'work-buddy',
  expires_at: '2025-09-30T11:30:00.000Z',
};

describe('portalSessions', () => {
  it("create posts to the client's app, with the lifetime asked for", async () => {
    const { client, calls } = testClient([json(201, session)]);
    await expect(client.portalSessions.create({ expires_in_seconds: 900 })).resolves.toEqual(session);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/portal-sessions');
    expect(calls[0]?.body).toEqual({ expires_in_seconds: 900 });
  });

  it('takes the app per call, as every app-scoped method does', async () => {
    const { client, calls } = testClient([json(201, { ...session, app_id: 'hugo' })]);
    await client.portalSessions.create({}, { appId: 'hugo' });
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/hugo/portal-sessions');
  });
});
