import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../core/errors.js';
import { apiError, json, testClient } from '../fake-fetch.test-support.js';

describe('client.stats.get', () => {
  it("asks for the app's stats with the range and interval in the query", async () => {
    const { client, calls } = testClient([json(200, { success: true, app_id: 'work-buddy', series: [] })]);
    const report = await client.stats.get({
      from: '2025-09-01T00:00:00Z',
      to: '2025-09-30T00:00:00Z',
      interval: 'day',
    });
    expect(report.app_id).toBe('work-buddy');
    expect(calls[0]!.method).toBe('GET');
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/api/v1/apps/work-buddy/stats');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2025-09-01T00:00:00Z',
      to: '2025-09-30T00:00:00Z',
      interval: 'day',
    });
  });

  it('surfaces a bad range as a BadRequestError naming the field', async () => {
    const { client } = testClient([
      apiError(400, 'validation_failed', 'interval: too many buckets', { fields: [{ path: 'interval' }] }),
    ]);
    const error = await client.stats.get({ interval: 'minute', from: '2025-01-01T00:00:00Z' }).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
  });
});

describe('client.admin.stats', () => {
  it('asks for every app with the admin token', async () => {
    const { client, calls } = testClient([json(200, { success: true, apps: [] })], {
      apiKey: undefined,
      adminToken: 'admin-secret',
    });
    await client.admin.stats({ interval: 'hour' });
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/api/v1/admin/stats');
    expect(url.searchParams.get('interval')).toBe('hour');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer admin-secret');
  });
});
