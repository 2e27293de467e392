import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import * as noble from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import * as node from './index.js';
import * as web from './web.js';

// No published v1a vector carries its key (the spec's example header omits it), so this one is built from the
// spec's example message (spec/standard-webhooks.md, "Signature scheme") and RFC 8032's test 1 key pair; the expected
// signature was computed with node:crypto and with @noble/ed25519, which agree (Ed25519 is deterministic).
const VECTOR = {
  id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
  timestamp: 1674087231,
  body: '{"type":"contact.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"1f81eb52-5198-4599-803e-771906343485"}}',
  privateKey: 'whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=',
  publicKey: 'whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
  signature: 'v1a,pbpYBMlty2hExn4zt0UTGb6BaP2Vq5AfyzjB9GGV3x/wCJKd8UjOCf8Qhaji6TKY9C5eNMnlF0GG4udaO6B7Ag==',
};
const now = VECTOR.timestamp * 1000;
const headersOf = (signature: string) => ({
  'webhook-id': VECTOR.id,
  'webhook-timestamp': String(VECTOR.timestamp),
  'webhook-signature': signature,
});
const entries = [
  ['node', node],
  ['web', web],
] as const;
const raw = (key: string) => Buffer.from(key.slice(5), 'base64');
const message = (id: string, timestamp: number, body: string) => Buffer.from(`${id}.${timestamp}.${body}`);

describe.each(entries)('Ed25519 v1a, %s entry', (_name, lib) => {
  // The Node entry throws, the web entry rejects: one form for both.
  const verifyEd25519 = async (...args: Parameters<typeof node.verifyEd25519>) => lib.verifyEd25519(...args);
  it('passes the v1a vector, signing and verifying', async () => {
    expect(await lib.signEd25519({ ...VECTOR })).toBe(VECTOR.signature);
    expect(await lib.ed25519PublicKey(VECTOR.privateKey)).toBe(VECTOR.publicKey);
    const event = await verifyEd25519(VECTOR.body, headersOf(VECTOR.signature), VECTOR.publicKey, { now });
    expect(event).toMatchObject({ type: 'contact.created' });
  });

  it('verifies from a JWK, a JWK Set (every key tried, or narrowed by kid) and a list', async () => {
    const other = await lib.generateEd25519KeyPair();
    const jwk = lib.publicKeyToJwk(VECTOR.publicKey, 'k1');
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      kid: 'k1',
      use: 'sig',
      alg: 'EdDSA',
    });
    const jwks = { keys: [{ kty: 'RSA', kid: 'rsa' }, lib.publicKeyToJwk(other.publicKey, 'k0'), jwk] };
    const headers = headersOf(VECTOR.signature);
    await expect(verifyEd25519(VECTOR.body, headers, jwk, { now })).resolves.toBeTruthy();
    await expect(verifyEd25519(VECTOR.body, headers, jwks, { now })).resolves.toBeTruthy();
    await expect(verifyEd25519(VECTOR.body, headers, jwks, { now, kid: 'k1' })).resolves.toBeTruthy();
    await expect(
      verifyEd25519(VECTOR.body, headers, [other.publicKey, VECTOR.publicKey], { now }),
    ).resolves.toBeTruthy();
    await expect(verifyEd25519(VECTOR.body, headers, jwks, { now, kid: 'k0' })).rejects.toMatchObject({
      code: 'invalid_signature',
    });
    await expect(verifyEd25519(VECTOR.body, headers, jwks, { now, kid: 'nope' })).rejects.toMatchObject({
      code: 'invalid_secret',
    });
  });

  it('rejects a changed body, a wrong key, an old timestamp and an HMAC-only header, saying why', async () => {
    const headers = headersOf(VECTOR.signature);
    await expect(verifyEd25519(`${VECTOR.body} `, headers, VECTOR.publicKey, { now })).rejects.toMatchObject({
      code: 'invalid_signature',
    });
    const other = await lib.generateEd25519KeyPair();
    await expect(verifyEd25519(VECTOR.body, headers, other.publicKey, { now })).rejects.toMatchObject({
      code: 'invalid_signature',
    });
    await expect(verifyEd25519(VECTOR.body, headers, VECTOR.publicKey, { now: now + 3600_000 })).rejects.toMatchObject({
      code: 'timestamp_too_old',
    });
    const hmacOnly = headersOf('v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=');
    await expect(verifyEd25519(VECTOR.body, hmacOnly, VECTOR.publicKey, { now })).rejects.toThrow(/only v1 \(HMAC\)/);
    await expect(verifyEd25519(VECTOR.body, headers, VECTOR.privateKey, { now })).rejects.toThrow(/private key/);
    // And the HMAC verifier, handed a v1a delivery, points to the Ed25519 one.
    const hmacVerify = async () => lib.verify(VECTOR.body, headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { now });
    await expect(hmacVerify()).rejects.toThrow(/only v1a \(Ed25519\) ones.*verifyEd25519/);
  });

  it('finds the v1a entry beside v1 ones, and reads X-Oriva-Signature when the Standard headers are absent', async () => {
    const mixed = headersOf(`v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= ${VECTOR.signature}`);
    await expect(verifyEd25519(VECTOR.body, mixed, VECTOR.publicKey, { now })).resolves.toBeTruthy();
    const signed = await lib.ed25519SignatureHeaders({ ...VECTOR, privateKeys: VECTOR.privateKey });
    expect(signed['webhook-signature']).toBe(VECTOR.signature);
    expect(signed['x-oriva-signature']).toBe(`t=${VECTOR.timestamp},id=${VECTOR.id},v1a=${VECTOR.signature.slice(4)}`);
    const oriva = { 'x-oriva-signature': signed['x-oriva-signature'] };
    await expect(verifyEd25519(VECTOR.body, oriva, VECTOR.publicKey, { now })).resolves.toBeTruthy();
  });

  it('signs with every key during a rotation, either verifying on its own', async () => {
    const next = await lib.generateEd25519KeyPair();
    const signed = await lib.ed25519SignatureHeaders({ ...VECTOR, privateKeys: [next.privateKey, VECTOR.privateKey] });
    expect(signed['webhook-signature'].split(' ')).toHaveLength(2);
    for (const key of [next.publicKey, VECTOR.publicKey]) {
      await expect(verifyEd25519(VECTOR.body, signed, key, { now })).resolves.toBeTruthy();
    }
  });

  it('interoperates with node:crypto and @noble/ed25519 both ways', async () => {
    const pair = await lib.generateEd25519KeyPair();
    const seed = raw(pair.privateKey);
    expect(Buffer.from(await noble.getPublicKeyAsync(seed)).toString('base64')).toBe(pair.publicKey.slice(5));
    const body = JSON.stringify({ type: 'x.y', data: { text: 'é'.repeat(300) } });
    const ours = (
      await lib.signEd25519({ id: 'msg_1', timestamp: VECTOR.timestamp, body, privateKey: pair.privateKey })
    ).slice(4);
    const msg = message('msg_1', VECTOR.timestamp, body);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw(pair.publicKey).toString('base64url') },
      format: 'jwk',
    });
    expect(nodeVerify(null, msg, publicKey, Buffer.from(ours, 'base64'))).toBe(true);
    expect(await noble.verifyAsync(Buffer.from(ours, 'base64'), msg, raw(pair.publicKey))).toBe(true);

    const privateKey = createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const byNode = nodeSign(null, msg, privateKey).toString('base64');
    const byNoble = Buffer.from(await noble.signAsync(msg, seed)).toString('base64');
    for (const signature of [byNode, byNoble]) {
      const headers = {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(VECTOR.timestamp),
        'webhook-signature': `v1a,${signature}`,
      };
      await expect(verifyEd25519(Buffer.from(body), headers, pair.publicKey, { now })).resolves.toEqual(
        JSON.parse(body),
      );
    }
  });
});
