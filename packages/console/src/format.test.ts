import type { Webhook } from '@oriva/sdk';
import { describe, expect, it } from 'vitest';
import { credentialFrom, fragmentToken, isExpired, portalClaims } from './credentials.js';
import { failingFirst, fromLocalInput, healthOf, successRate } from './format.js';

function webhook(overrides: Partial<Webhook>): Webhook {
  return {
    id: 'wh_1',
    app_id: 'work-buddy',
    webhook_url: 'https://a.example/hook',
    subscribed_events: ['*'],
    description: null,
    is_active: true,
    disabled_reason: null,
    max_retries: 5,
    retry_backoff_seconds: 1,
    last_delivery_at: null,
    last_success_at: null,
    last_failure_at: null,
    consecutive_failures: 0,
    total_deliveries: 0,
    total_failures: 0,
    previous_secret_expires_at: null,
    signature_scheme: 'hmac',
    public_key: null,
    public_keys: [],
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const portalToken = (claims: object) =>
  `ops_${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${'m'.repeat(43)}`;

describe('webhook health', () => {
  it('orders failing endpoints first, the most failures first, then disabled, healthy and idle', () => {
    const idle = webhook({ id: 'idle', webhook_url: 'https://0.example' });
    const healthy = webhook({ id: 'healthy', total_deliveries: 4 });
    const disabled = webhook({ id: 'disabled', is_active: false, total_deliveries: 9, total_failures: 9 });
    const failing = webhook({ id: 'failing', consecutive_failures: 2, total_deliveries: 3, total_failures: 2 });
    const worse = webhook({ id: 'worse', consecutive_failures: 7, total_deliveries: 7, total_failures: 7 });
    expect(failingFirst([idle, healthy, disabled, failing, worse]).map((hook) => hook.id)).toEqual([
      'worse',
      'failing',
      'disabled',
      'healthy',
      'idle',
    ]);
    expect(healthOf(disabled)).toBe('disabled');
    expect(successRate(failing)).toBe('33.3%');
    expect(successRate(idle)).toBe('–');
    expect(successRate(healthy)).toBe('100%');
  });
});

describe('credentials', () => {
  it('reads the token from the fragment and the app and expiry from a portal token', () => {
    const token = portalToken({ app: 'work-buddy', sid: 'ops_1', exp: 2_000_000_000 });
    expect(fragmentToken(`#token=${token}`)).toBe(token);
    expect(fragmentToken('#other=1')).toBeNull();
    expect(portalClaims(token)).toEqual({ appId: 'work-buddy', expiresAt: new Date(2_000_000_000_000) });
    expect(portalClaims('ops_!!!.x')).toBeNull();
    expect(portalClaims(portalToken({ app: 7, exp: 1 }))).toBeNull();
  });

  it('tells a portal token, an API key (which needs its app) and the admin token apart', () => {
    const token = portalToken({ app: 'work-buddy', sid: 'ops_1', exp: 1 });
    const portal = credentialFrom(token);
    expect(portal).toMatchObject({ kind: 'portal', appId: 'work-buddy' });
    expect(isExpired(portal!, new Date(2000))).toBe(true);
    expect(credentialFrom('ok_live_abc')).toBeNull();
    expect(credentialFrom('ok_live_abc', ' work-buddy ')).toEqual({
      kind: 'apiKey',
      token: 'ok_live_abc',
      appId: 'work-buddy',
    });
    expect(credentialFrom('  admin-secret ')).toEqual({ kind: 'admin', token: 'admin-secret' });
    expect(credentialFrom('   ')).toBeNull();
  });

  it('turns a datetime-local value into an ISO timestamp, and refuses junk', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
    expect(fromLocalInput('2026-01-02T03:04')).toBe(new Date(2026, 0, 2, 3, 4).toISOString());
  });
});
