import { describe, expect, it } from 'vitest';
import { startupBanner } from '../banner.js';
import { startTestServer } from '../testing/harness.js';
import { loadConfig } from './env.js';
import { DEFAULT_RATE_LIMITS, DEV_RATE_LIMITS, describeRateLimits } from './rate-limits.js';

describe('rate limits by mode', () => {
  it("keeps the design document's table in production, and a 100× table in dev mode", () => {
    expect(loadConfig({}).rateLimits).toEqual({
      events: { limit: 1000, windowSeconds: 900 },
      notifications: { limit: 500, windowSeconds: 900 },
      queries: { limit: 1000, windowSeconds: 900 },
      webhooks: { limit: 50, windowSeconds: 900 },
      event_types: { limit: 300, windowSeconds: 900 },
    });
    const dev = loadConfig({ ORIVA_DEV: '1' }).rateLimits;
    expect(dev).toEqual(DEV_RATE_LIMITS);
    expect(dev?.webhooks).toEqual({ limit: 5000, windowSeconds: 900 });
    expect(dev?.events).toEqual({ limit: 100_000, windowSeconds: 900 });
  });

  it("applies production's table in dev mode with on, none with off, and overrides on top of the mode's table", () => {
    expect(loadConfig({ ORIVA_DEV: '1', ORIVA_RATE_LIMITS: 'on' }).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(loadConfig({ ORIVA_DEV: '1', ORIVA_RATE_LIMITS: 'off' }).rateLimits).toBeUndefined();
    const overridden = loadConfig({ ORIVA_DEV: '1', ORIVA_RATE_LIMITS: 'webhooks=10/1m' }).rateLimits;
    expect(overridden?.webhooks).toEqual({ limit: 10, windowSeconds: 60 });
    expect(overridden?.events).toEqual(DEV_RATE_LIMITS.events);
  });

  it('says in one banner line which limits are in force and how to change them', () => {
    expect(describeRateLimits(DEV_RATE_LIMITS, true)).toBe(
      "dev mode's, 100× production (ORIVA_RATE_LIMITS=on for production's, =off for none)",
    );
    expect(describeRateLimits(DEFAULT_RATE_LIMITS, false)).toBe(
      'events=1000/15m, notifications=500/15m, queries=1000/15m, webhooks=50/15m, event_types=300/15m',
    );
    expect(describeRateLimits(undefined, true)).toBe('off (ORIVA_RATE_LIMITS=off)');
  });

  it('lets a dev server take more than 50 webhook-management calls, and says so at start', async () => {
    // '' is unset: the mode's default, not the harness's "off".
    const server = await startTestServer({ ORIVA_RATE_LIMITS: '' });
    try {
      expect(startupBanner(server)).toContain("\nRate limits: dev mode's, 100× production (");
      const key = await server.createApp('busy-dev');
      const statuses = new Set<number>();
      let last: Response | undefined;
      for (let call = 0; call < 51; call++) {
        last = await server.request('/api/v1/apps/busy-dev/webhooks', { token: key });
        statuses.add(last.status);
      }
      expect([...statuses]).toEqual([200]);
      expect(last?.headers.get('ratelimit-policy')).toBe('5000;w=900');
    } finally {
      await server.close();
    }
  });

  it('refuses the 51st webhook-management call in production mode, naming the limit', async () => {
    const server = await startTestServer({ ORIVA_DEV: '0', ORIVA_RATE_LIMITS: '' });
    try {
      expect(startupBanner(server)).toContain('\nRate limits: events=1000/15m, notifications=500/15m,');
      const key = await server.createApp('busy-prod');
      let last: Response | undefined;
      for (let call = 0; call < 51; call++) {
        last = await server.request('/api/v1/apps/busy-prod/webhooks', { token: key });
      }
      expect(last?.status).toBe(429);
      const body = (await last?.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(
        /^Rate limit reached for webhook management: 50 requests per 15 min for busy-prod\. Retry in \d+ s\.$/,
      );
    } finally {
      await server.close();
    }
  });
});
