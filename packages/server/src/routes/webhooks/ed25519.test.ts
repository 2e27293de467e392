import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { verify, verifyEd25519 } from '@oriva/webhook-verify';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { startReceiver } from './receiver.test-support.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({
    ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01',
    ORIVA_SECRET_KEY: 'a-secret-key-for-the-ed25519-tests-0123',
  });
  token = await server.createApp('signer', 'Signer');
});
afterAll(() => server.close());

interface PublicWebhook {
  id: string;
  signature_scheme: string;
  public_key: string | null;
  public_keys: Array<{ kid: string; public_key: string; expires_at: string | null }>;
}

async function subscribe(url: string, events: string[], extra: object = {}) {
  const response = await server.request('/api/v1/apps/signer/webhooks', {
    method: 'POST',
    token,
    json: { webhook_url: url, subscribed_events: events, ...extra },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { webhook_id: string; webhook_secret: string; webhook: PublicWebhook };
}

const publish = (type: string) => {
  const [event_category, event_type] = type.split('.');
  return server.request('/api/v1/apps/signer/events', {
    method: 'POST',
    token,
    json: { event_category, event_type, entity_type: 'thing', entity_id: `e_${Date.now()}`, user_id: 'user_1' },
  });
};

const jwks = async () => {
  const response = await server.request('/api/v1/apps/signer/webhooks/jwks');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  return (await response.json()) as { keys: Array<{ kid: string; x: string; kty: string; crv: string }> };
};

async function storedSigningKeys(): Promise<string[]> {
  const { database } = server.config;
  if (!database) {
    const db = new Database(server.databaseFile!, { readonly: true });
    try {
      return db.prepare('SELECT signing_key FROM app_webhooks WHERE signing_key IS NOT NULL').pluck().all() as string[];
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${database.schema}"`);
    const { rows } = await client.query('SELECT signing_key FROM app_webhooks WHERE signing_key IS NOT NULL');
    return rows.map((row) => row.signing_key as string);
  } finally {
    await client.end();
  }
}

describe('Ed25519 webhooks', () => {
  it('sign deliveries with v1a only, verifiable from the whpk_ key, the public JWKS and node:crypto', async () => {
    const receiver = await startReceiver();
    try {
      const { webhook_id, webhook_secret, webhook } = await subscribe(receiver.url, ['signed.*'], {
        signature_scheme: 'ed25519',
      });
      expect(webhook.signature_scheme).toBe('ed25519');
      expect(webhook.public_key).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
      expect(webhook.public_keys).toEqual([
        { kid: expect.any(String), public_key: webhook.public_key, expires_at: null },
      ]);
      expect(JSON.stringify(webhook)).not.toContain('whsk_');

      const set = await jwks();
      const jwk = set.keys.find((key) => key.kid === webhook.public_keys[0]!.kid);
      expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' });

      expect((await publish('signed.one')).ok).toBe(true);
      const [request] = await receiver.waitFor(1);
      const { headers, body } = request!;
      expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
      expect(headers['x-oriva-signature']).toBe(
        `t=${headers['webhook-timestamp']},id=${headers['webhook-id']},v1a=${(headers['webhook-signature'] as string).slice(4)}`,
      );
      expect(verifyEd25519(body, headers, webhook.public_key!)).toMatchObject({ type: 'signed.one' });
      expect(verifyEd25519(body, headers, set)).toMatchObject({ type: 'signed.one' });
      expect(verifyEd25519(body, { 'x-oriva-signature': headers['x-oriva-signature'] }, jwk as never)).toBeTruthy();
      // No shared secret travels: the HMAC secret does not verify an Ed25519 delivery.
      expect(() => verify(body, headers, webhook_secret)).toThrow(/no v1 signature/);

      const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
      const publicKey = createPublicKey({ key: { ...jwk!, kty: 'OKP', crv: 'Ed25519' }, format: 'jwk' });
      const signature = Buffer.from((headers['webhook-signature'] as string).slice(4), 'base64');
      expect(nodeVerify(null, Buffer.from(signed), publicKey, signature)).toBe(true);

      const read = await server.request(`/api/v1/apps/signer/webhooks/${webhook_id}`, { token });
      expect(((await read.json()) as { webhook: PublicWebhook }).webhook.public_key).toBe(webhook.public_key);
      const stored = await storedSigningKeys();
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.every((value) => value.startsWith('enc:v1:'))).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('sign with both keys during a rotation, both in the JWKS; a grace of 0 retires the old key', async () => {
    const receiver = await startReceiver();
    try {
      const { webhook_id, webhook } = await subscribe(receiver.url, ['rotate.*'], { signature_scheme: 'ed25519' });
      const oldKey = webhook.public_key!;
      const response = await server.request(`/api/v1/apps/signer/webhooks/${webhook_id}/rotate-signing-key`, {
        method: 'POST',
        token,
        json: { grace_period_seconds: 3600 },
      });
      expect(response.status).toBe(200);
      const rotated = (await response.json()) as { public_key: string; kid: string; previous_key_expires_at: string };
      expect(rotated.public_key).not.toBe(oldKey);
      expect(Date.parse(rotated.previous_key_expires_at)).toBeGreaterThan(Date.now() + 3_500_000);
      const kids = (await jwks()).keys.map((key) => key.kid);
      expect(kids).toContain(rotated.kid);
      expect(kids).toContain(webhook.public_keys[0]!.kid);

      await publish('rotate.now');
      const [first] = await receiver.waitFor(1);
      expect((first!.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
      expect(verifyEd25519(first!.body, first!.headers, oldKey)).toMatchObject({ type: 'rotate.now' });
      expect(verifyEd25519(first!.body, first!.headers, rotated.public_key)).toMatchObject({ type: 'rotate.now' });

      await server.request(`/api/v1/apps/signer/webhooks/${webhook_id}/rotate-signing-key`, {
        method: 'POST',
        token,
        json: { grace_period_seconds: 0 },
      });
      await publish('rotate.again');
      const [, second] = await receiver.waitFor(2);
      expect((second!.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
      expect(() => verifyEd25519(second!.body, second!.headers, rotated.public_key)).toThrow(/v1a signature/);
      expect((await jwks()).keys.map((key) => key.kid)).not.toContain(rotated.kid);
    } finally {
      await receiver.close();
    }
  });

  it('switch an HMAC webhook to Ed25519 and back; rotation of a key an HMAC webhook lacks is a 409', async () => {
    const { webhook_id, webhook } = await subscribe('https://hooks.example/switch', ['*']);
    expect(webhook).toMatchObject({ signature_scheme: 'hmac', public_key: null, public_keys: [] });
    const rotate = await server.request(`/api/v1/apps/signer/webhooks/${webhook_id}/rotate-signing-key`, {
      method: 'POST',
      token,
    });
    expect(rotate.status).toBe(409);
    expect(((await rotate.json()) as { error: { code: string } }).error.code).toBe('signature_scheme_mismatch');
    const patch = (signature_scheme: string) =>
      server.request(`/api/v1/apps/signer/webhooks/${webhook_id}`, {
        method: 'PATCH',
        token,
        json: { signature_scheme },
      });
    const on = ((await (await patch('ed25519')).json()) as { webhook: PublicWebhook }).webhook;
    expect(on.public_key).toMatch(/^whpk_/);
    const off = ((await (await patch('hmac')).json()) as { webhook: PublicWebhook }).webhook;
    expect(off).toMatchObject({ signature_scheme: 'hmac', public_key: null });
    const again = ((await (await patch('ed25519')).json()) as { webhook: PublicWebhook }).webhook;
    expect(again.public_key).toBe(on.public_key);
  });

  it('reject an unknown scheme naming the field, and answer 404 for the JWKS of an unknown app', async () => {
    const response = await server.request('/api/v1/apps/signer/webhooks', {
      method: 'POST',
      token,
      json: { webhook_url: 'https://hooks.example/x', subscribed_events: ['*'], signature_scheme: 'rsa' },
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: Array<{ path: string }> } };
    expect(error.fields.map((field) => field.path)).toContain('signature_scheme');
    expect((await server.request('/api/v1/apps/nobody/webhooks/jwks')).status).toBe(404);
  });
});
