import { describe, expect, it, vi } from 'vitest';
import type { HeadersInput, RawBody, Secrets, VerifyOptions } from './core/types.js';
import * as node from './index.js';
import { WebhookVerificationError } from './index.js';
import * as web from './web.js';

// The Standard Webhooks test vector.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TS = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const NOW = { now: TS * 1000 };
const VECTOR_HEADERS = { 'webhook-id': ID, 'webhook-timestamp': String(TS), 'webhook-signature': SIGNATURE };

/** Both entries behind the web entry's async interface: the node entry's synchronous throws become rejections. */
type Impl = Pick<
  typeof web,
  'verify' | 'verifyWebhookSignature' | 'verifyRequest' | 'sign' | 'signatureHeaders' | 'generateSecret'
>;

const nodeImpl: Impl = {
  verify: async (...args) => node.verify(...args),
  verifyWebhookSignature: async (...args) => node.verifyWebhookSignature(...args),
  verifyRequest: (...args) => node.verifyRequest(...args),
  sign: async (input) => node.sign(input),
  signatureHeaders: async (input) => node.signatureHeaders(input),
  generateSecret: (bytes) => node.generateSecret(bytes),
};
const webImpl: Impl = {
  verify: (...args) => web.verify(...args),
  verifyWebhookSignature: (...args) => web.verifyWebhookSignature(...args),
  verifyRequest: (...args) => web.verifyRequest(...args),
  sign: (input) => web.sign(input),
  signatureHeaders: (input) => web.signatureHeaders(input),
  generateSecret: (bytes) => web.generateSecret(bytes),
};

async function failure(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

async function expectCode(promise: Promise<unknown>, code: string, ...parts: Array<string | RegExp>) {
  const error = await failure(promise);
  expect(error.code).toBe(code);
  for (const part of parts) {
    if (typeof part === 'string') expect(error.message).toContain(part);
    else expect(error.message).toMatch(part);
  }
  return error;
}

function replaceAt(text: string, index: number): string {
  const ch = text[index]!;
  const replacement = ch === 'A' ? 'B' : ch === '0' ? '1' : ch === 'a' ? 'b' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe.each([
  ['node', nodeImpl],
  ['web', webImpl],
] as const)('%s entry', (_name, impl) => {
  describe('Standard Webhooks test vector', () => {
    it('signs it', async () => {
      expect(await impl.sign({ id: ID, timestamp: TS, body: BODY, secret: SECRET })).toBe(SIGNATURE);
      expect(await impl.sign({ id: ID, timestamp: new Date(TS * 1000 + 999), body: BODY, secret: SECRET })).toBe(
        SIGNATURE,
      );
      expect(await impl.sign({ id: ID, timestamp: TS, body: new TextEncoder().encode(BODY), secret: SECRET })).toBe(
        SIGNATURE,
      );
    });

    it('verifies it and returns the parsed body', async () => {
      expect(await impl.verify(BODY, VECTOR_HEADERS, SECRET, NOW)).toEqual({ test: 2432232314 });
    });

    it('verifies every raw body type', async () => {
      const bytes = new TextEncoder().encode(BODY);
      const padded = new Uint8Array(bytes.length + 10);
      padded.set(bytes, 5);
      const bodies: RawBody[] = [
        BODY,
        Buffer.from(BODY),
        bytes,
        bytes.buffer,
        new DataView(padded.buffer, 5, bytes.length),
        padded.subarray(5, 5 + bytes.length),
        Buffer.from(padded.buffer, 5, bytes.length),
      ];
      for (const body of bodies)
        expect(await impl.verify(body, VECTOR_HEADERS, SECRET, NOW)).toEqual({ test: 2432232314 });
    });

    it('verifies the same delivery from X-Oriva-Signature', async () => {
      const header = `t=${TS},id=${ID},${SIGNATURE.replace('v1,', 'v1=')}`;
      expect(await impl.verifyWebhookSignature(BODY, header, SECRET, NOW)).toBe(true);
      expect(await impl.verify(BODY, { 'X-Oriva-Signature': header }, SECRET, NOW)).toEqual({ test: 2432232314 });
    });
  });

  describe('tampering', () => {
    it('fails when any byte of the id, timestamp, body or signature changes', async () => {
      const orivaHeader = (id: string, ts: string, sig: string) => `t=${ts},id=${id},v1=${sig}`;
      const sig = SIGNATURE.slice(3);
      const cases: Array<[string, string, string, string]> = [];
      for (let i = 0; i < ID.length; i++) cases.push([replaceAt(ID, i), String(TS), BODY, sig]);
      for (let i = 0; i < String(TS).length; i++) {
        const ts = replaceAt(String(TS), i);
        if (Math.abs(Number(ts) - TS) <= 300) cases.push([ID, ts, BODY, sig]);
      }
      for (let i = 0; i < BODY.length; i++) cases.push([ID, String(TS), replaceAt(BODY, i), sig]);
      for (let i = 0; i < sig.length - 1; i++) cases.push([ID, String(TS), BODY, replaceAt(sig, i)]);
      expect(cases.length).toBeGreaterThan(90);
      for (const [id, ts, body, signature] of cases) {
        const headers = { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${signature}` };
        await expectCode(impl.verify(body, headers, SECRET, { now: Number(ts) * 1000 }), 'invalid_signature');
        expect(
          await impl.verifyWebhookSignature(body, orivaHeader(id, ts, signature), SECRET, { now: Number(ts) * 1000 }),
        ).toBe(false);
      }
    });

    it('fails with a different secret or a trailing newline in the body', async () => {
      await expectCode(
        impl.verify(BODY, VECTOR_HEADERS, impl.generateSecret(), NOW),
        'invalid_signature',
        'wrong secret',
      );
      await expectCode(impl.verify(`${BODY}\n`, VECTOR_HEADERS, SECRET, NOW), 'invalid_signature', 'raw bytes');
    });

    it('rejects a non-canonical encoding of the right signature', async () => {
      // The last base64 character of a 32-byte value has two unused bits; "F" decodes like "E".
      const noncanonical = SIGNATURE.replace('E=', 'F=');
      expect(Buffer.from(noncanonical.slice(3), 'base64')).toEqual(Buffer.from(SIGNATURE.slice(3), 'base64'));
      await expectCode(
        impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-signature': noncanonical }, SECRET, NOW),
        'invalid_signature',
        'no v1 signature',
      );
    });

    it('accepts the URL-safe alphabet and a missing padding character', async () => {
      const urlSafe = SIGNATURE.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, '');
      expect(await impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-signature': urlSafe }, SECRET, NOW)).toEqual({
        test: 2432232314,
      });
    });
  });

  describe('timestamp tolerance', () => {
    const at = (seconds: number, toleranceSeconds?: number) => ({ now: (TS + seconds) * 1000, toleranceSeconds });

    it('accepts up to 300 s in either direction by default', async () => {
      await expect(impl.verify(BODY, VECTOR_HEADERS, SECRET, at(300))).resolves.toBeDefined();
      await expect(impl.verify(BODY, VECTOR_HEADERS, SECRET, at(-300))).resolves.toBeDefined();
    });

    it('rejects an old timestamp saying by how much and the tolerance', async () => {
      const error = await expectCode(
        impl.verify(BODY, VECTOR_HEADERS, SECRET, at(301)),
        'timestamp_too_old',
        '301 s in the past',
        'tolerance is 300 s',
        '2021-02-25T15:02:10Z',
      );
      expect(error.status).toBe(401);
      await expectCode(impl.verify(BODY, VECTOR_HEADERS, SECRET, at(7200)), 'timestamp_too_old', '7200 s = 2.0 h');
    });

    it('rejects a future timestamp saying by how much and the tolerance', async () => {
      await expectCode(
        impl.verify(BODY, VECTOR_HEADERS, SECRET, at(-301)),
        'timestamp_too_new',
        '301 s in the future',
        'tolerance is 300 s',
        'clock',
      );
    });

    it('honours toleranceSeconds, a Date for now, and Infinity', async () => {
      await expect(impl.verify(BODY, VECTOR_HEADERS, SECRET, at(10, 10))).resolves.toBeDefined();
      await expectCode(impl.verify(BODY, VECTOR_HEADERS, SECRET, at(11, 10)), 'timestamp_too_old', 'tolerance is 10 s');
      await expectCode(
        impl.verify(BODY, VECTOR_HEADERS, SECRET, at(-11, 10)),
        'timestamp_too_new',
        'tolerance is 10 s',
      );
      await expect(
        impl.verify(BODY, VECTOR_HEADERS, SECRET, { now: new Date((TS + 5) * 1000), toleranceSeconds: 5 }),
      ).resolves.toBeDefined();
      await expect(
        impl.verify(BODY, VECTOR_HEADERS, SECRET, { toleranceSeconds: Number.POSITIVE_INFINITY }),
      ).resolves.toBeDefined();
    });

    it('uses the real clock by default', async () => {
      await expectCode(impl.verify(BODY, VECTOR_HEADERS, SECRET), 'timestamp_too_old', 'days');
      const secret = impl.generateSecret();
      const headers = await impl.signatureHeaders({ id: 'msg_now', body: BODY, secrets: secret });
      await expect(impl.verify(BODY, headers, secret)).resolves.toEqual({ test: 2432232314 });
    });

    it('hints when options.now was given in seconds', async () => {
      await expectCode(
        impl.verify(BODY, VECTOR_HEADERS, SECRET, { now: TS }),
        'timestamp_too_new',
        'looks like seconds',
      );
    });

    it('rejects a malformed timestamp header', async () => {
      await expectCode(
        impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-timestamp': '2021-02-25T15:02:10Z' }, SECRET, NOW),
        'invalid_header',
        'not a Unix timestamp in seconds',
        'date string',
      );
      await expectCode(
        impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-timestamp': '1614265330abc' }, SECRET, NOW),
        'invalid_header',
      );
    });
  });

  describe('several secrets and signatures', () => {
    it('passes when any secret matches any v1 signature', async () => {
      const [a, b, c] = [impl.generateSecret(), impl.generateSecret(), impl.generateSecret()];
      const headers = await impl.signatureHeaders({ id: ID, timestamp: TS, body: BODY, secrets: [a, b] });
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
      for (const secrets of [a, b, [a], [c, b], [b, c], [c, a, b]]) {
        await expect(impl.verify(BODY, headers, secrets, NOW)).resolves.toEqual({ test: 2432232314 });
        await expect(impl.verifyWebhookSignature(BODY, headers['x-oriva-signature'], secrets, NOW)).resolves.toBe(true);
      }
      expect(await impl.verifyWebhookSignature(BODY, headers['x-oriva-signature'], c, NOW)).toBe(false);
      await expectCode(impl.verify(BODY, headers, c, NOW), 'invalid_signature', 'none of the 2 v1 signatures');
      await expectCode(impl.verify(BODY, headers, [c, impl.generateSecret()], NOW), 'invalid_signature', '2 secrets');
    });

    it('ignores other signature versions and malformed entries', async () => {
      const good = SIGNATURE;
      const signature = `v1a,${good.slice(3)} v2,abc v1,short v1,${'A'.repeat(43)}= ${good}`;
      await expect(
        impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-signature': signature }, SECRET, NOW),
      ).resolves.toEqual({ test: 2432232314 });
      await expectCode(
        impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-signature': `v1a,${good.slice(3)} v2,xyz` }, SECRET, NOW),
        'invalid_signature',
        'no v1 signature (2 entries of another version or malformed)',
      );
      const oriva = `t=${TS}, id=${ID}, v0=zzz, v2=${good.slice(3)}, v1=${'B'.repeat(43)}=, v1=${good.slice(3)}`;
      await expect(impl.verifyWebhookSignature(BODY, oriva, SECRET, NOW)).resolves.toBe(true);
    });

    it('joins repeated header values (string arrays, Node-style ", " joins)', async () => {
      const arrays = {
        'webhook-id': [ID],
        'webhook-timestamp': [String(TS)],
        'webhook-signature': [`v1,${'A'.repeat(43)}=`, SIGNATURE],
      };
      await expect(impl.verify(BODY, arrays, SECRET, NOW)).resolves.toBeDefined();
      const joined = { ...VECTOR_HEADERS, 'webhook-signature': `v1,${'A'.repeat(43)}=, ${SIGNATURE}` };
      await expect(impl.verify(BODY, joined, SECRET, NOW)).resolves.toBeDefined();
      const oriva = [`t=${TS},id=${ID}`, SIGNATURE.replace('v1,', 'v1=')];
      await expect(impl.verifyWebhookSignature(BODY, oriva, SECRET, NOW)).resolves.toBe(true);
    });
  });

  describe('headers', () => {
    it('reads header names in any case, Headers instances and IncomingHttpHeaders', async () => {
      const mixed = { 'Webhook-Id': ID, 'WEBHOOK-TIMESTAMP': String(TS), 'webhook-Signature': SIGNATURE };
      await expect(impl.verify(BODY, mixed, SECRET, NOW)).resolves.toBeDefined();
      await expect(impl.verify(BODY, new Headers(VECTOR_HEADERS), SECRET, NOW)).resolves.toBeDefined();
      const incoming: import('node:http').IncomingHttpHeaders = {
        ...VECTOR_HEADERS,
        'content-type': 'application/json',
      };
      await expect(impl.verify(BODY, incoming, SECRET, NOW)).resolves.toBeDefined();
    });

    it('names the missing headers', async () => {
      await expectCode(impl.verify(BODY, {}, SECRET, NOW), 'missing_header', 'none of webhook-id', 'X-Oriva-Signature');
      const { 'webhook-signature': _s, ...noSignature } = VECTOR_HEADERS;
      await expectCode(
        impl.verify(BODY, noSignature, SECRET, NOW),
        'missing_header',
        'Missing webhook-signature header',
      );
      await expectCode(
        impl.verify(BODY, { 'webhook-signature': SIGNATURE }, SECRET, NOW),
        'missing_header',
        'Missing webhook-id and webhook-timestamp headers',
      );
      await expectCode(impl.verify(BODY, new Headers(), SECRET, NOW), 'missing_header');
      await expectCode(
        impl.verify(BODY, SIGNATURE as unknown as HeadersInput, SECRET, NOW),
        'missing_header',
        'use verifyWebhookSignature',
      );
      await expectCode(
        impl.verify(BODY, { ...VECTOR_HEADERS, 'webhook-id': '' }, SECRET, NOW),
        'invalid_header',
        'webhook-id header is empty',
      );
    });

    it('diagnoses a missing or malformed X-Oriva-Signature (the throwing form)', async () => {
      const oriva = (value: string) => ({ 'x-oriva-signature': value });
      await expectCode(
        impl.verify(BODY, oriva(SIGNATURE), SECRET, NOW),
        'invalid_header',
        'looks like a webhook-signature value',
      );
      await expectCode(
        impl.verify(BODY, oriva(`id=${ID},v1=abc`), SECRET, NOW),
        'invalid_header',
        '"t=<timestamp>" missing',
      );
      await expectCode(
        impl.verify(BODY, oriva(`t=${TS},t=${TS},id=${ID}`), SECRET, NOW),
        'invalid_header',
        'appears twice',
      );
      await expectCode(
        impl.verify(BODY, oriva(`t=${TS},id=${ID}`), SECRET, NOW),
        'invalid_signature',
        'X-Oriva-Signature header contains no v1 signature',
      );
    });
  });

  describe('verifyWebhookSignature (the boolean form)', () => {
    const good = `t=${TS},id=${ID},${SIGNATURE.replace('v1,', 'v1=')}`;
    const at = (seconds: number) => ({ now: (TS + seconds) * 1000 });

    it('answers false, never throws, for whatever a request can get wrong', async () => {
      const requests: Array<[string, string | string[] | undefined, RawBody, VerifyOptions]> = [
        ['missing header', undefined, BODY, NOW],
        ['empty header', '', BODY, NOW],
        ['a webhook-signature value', SIGNATURE, BODY, NOW],
        ['no timestamp', `id=${ID},v1=abc`, BODY, NOW],
        ['timestamp twice', `t=${TS},t=${TS},id=${ID}`, BODY, NOW],
        ['a date as timestamp', `t=2021-02-25T15:02:10Z,id=${ID},v1=abc`, BODY, NOW],
        ['no v1 signature', `t=${TS},id=${ID}`, BODY, NOW],
        ['garbage', '\u0000;;==,,', BODY, NOW],
        ['a changed body', good, `${BODY} `, NOW],
        ['expired', good, BODY, at(301)],
        ['from the future', good, BODY, at(-301)],
      ];
      for (const [why, header, body, options] of requests) {
        expect(await impl.verifyWebhookSignature(body, header, SECRET, options), why).toBe(false);
      }
      expect(await impl.verifyWebhookSignature(BODY, good, impl.generateSecret(), NOW), 'wrong secret').toBe(false);
      expect(await impl.verifyWebhookSignature(BODY, good, SECRET, at(300))).toBe(true);
    });

    it('does not parse the body: a signed non-JSON body verifies', async () => {
      const secret = impl.generateSecret();
      const headers = await impl.signatureHeaders({ id: ID, timestamp: TS, body: 'not json', secrets: secret });
      expect(await impl.verifyWebhookSignature('not json', headers['x-oriva-signature'], secret, NOW)).toBe(true);
    });

    it("throws for the receiver's own mistakes, which no request can fix", async () => {
      await expectCode(impl.verifyWebhookSignature(BODY, good, undefined as unknown as string, NOW), 'invalid_secret');
      await expectCode(impl.verifyWebhookSignature(BODY, good, '', NOW), 'invalid_secret', 'empty string');
      await expectCode(impl.verifyWebhookSignature(BODY, good, [], NOW), 'invalid_secret');
      // Checked before the header, so a misconfiguration shows on the first request, forged or not.
      await expectCode(impl.verifyWebhookSignature(BODY, undefined, 'nope', NOW), 'invalid_secret');
      await expectCode(impl.verifyWebhookSignature(JSON.parse(BODY) as RawBody, good, SECRET, NOW), 'body_not_raw');
      await expect(
        impl.verifyWebhookSignature(BODY, { 'x-oriva-signature': good } as unknown as string, SECRET, NOW),
      ).rejects.toThrow(/use verify\(rawBody, headers, secret\)/);
      await expect(impl.verifyWebhookSignature(BODY, good, SECRET, { toleranceSeconds: -1 })).rejects.toThrow(
        TypeError,
      );
    });
  });

  describe('diagnostics', () => {
    it('explains that a parsed body must be the raw body', async () => {
      const error = await expectCode(
        impl.verify(JSON.parse(BODY) as RawBody, VECTOR_HEADERS, SECRET, NOW),
        'body_not_raw',
        'already-parsed object',
        "express.raw({ type: 'application/json' })",
        'await c.req.text()',
      );
      expect(error.status).toBe(500);
      await expectCode(
        impl.verify(undefined as unknown as RawBody, VECTOR_HEADERS, SECRET, NOW),
        'body_not_raw',
        'undefined',
      );
      await expectCode(impl.verify({} as RawBody, VECTOR_HEADERS, SECRET, NOW), 'body_not_raw', 'empty object');
      await expectCode(impl.verify(42 as unknown as RawBody, VECTOR_HEADERS, SECRET, NOW), 'body_not_raw', 'number');
    });

    it('explains secret mistakes without revealing the secret', async () => {
      const cases: Array<[unknown, string]> = [
        [`${SECRET}\n`, 'whitespace'],
        [` ${SECRET}`, 'whitespace'],
        [SECRET.slice('whsec_'.length), 'does not start with "whsec_"'],
        [`"${SECRET}"`, 'quote'],
        ['sk_live_1234567890', 'does not start with "whsec_"'],
        ['whsec_', 'must be base64'],
        ['whsec_abc$def', 'must be base64'],
        ['whsec_A', 'must be base64'],
        [undefined, 'environment variable'],
        ['', 'empty string'],
        [42, 'is number'],
        [[], 'list of secrets is empty'],
      ];
      for (const [secret, message] of cases) {
        const error = await expectCode(
          impl.verify(BODY, VECTOR_HEADERS, secret as Secrets, NOW),
          'invalid_secret',
          message,
        );
        expect(error.message).not.toContain('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
        expect(error.status).toBe(500);
      }
      await expectCode(
        impl.verify(BODY, VECTOR_HEADERS, [SECRET, `${SECRET} `], NOW),
        'invalid_secret',
        'Webhook secret #2 has leading or trailing whitespace',
      );
      // The secret is checked even when the request is bad, so a misconfiguration shows up at once.
      await expectCode(impl.verify(BODY, {}, 'nope', NOW), 'invalid_secret');
    });

    it('reports a valid signature over a non-JSON or empty body', async () => {
      const secret = impl.generateSecret();
      for (const [body, message] of [
        ['not json', 'body is not JSON'],
        ['', 'body is empty'],
      ]) {
        const headers = await impl.signatureHeaders({ id: ID, timestamp: TS, body: body!, secrets: secret });
        const error = await expectCode(impl.verify(body!, headers, secret, NOW), 'invalid_json', message!);
        expect(error.status).toBe(400);
      }
    });
  });

  describe('signing', () => {
    it('produces every header, one signature per secret', async () => {
      const [a, b] = [impl.generateSecret(), impl.generateSecret()];
      const headers = await impl.signatureHeaders({ id: 'del_01J8ZQ', timestamp: TS, body: BODY, secrets: [a, b] });
      const sigA = await impl.sign({ id: 'del_01J8ZQ', timestamp: TS, body: BODY, secret: a });
      const sigB = await impl.sign({ id: 'del_01J8ZQ', timestamp: TS, body: BODY, secret: b });
      expect(headers).toEqual({
        'webhook-id': 'del_01J8ZQ',
        'webhook-timestamp': String(TS),
        'webhook-signature': `${sigA} ${sigB}`,
        'x-oriva-signature': `t=${TS},id=del_01J8ZQ,v1=${sigA.slice(3)},v1=${sigB.slice(3)}`,
      });
      const single = await impl.signatureHeaders({ id: ID, timestamp: TS, body: BODY, secrets: SECRET });
      expect(single['webhook-signature']).toBe(SIGNATURE);
    });

    it('defaults the timestamp to now', async () => {
      const before = Math.floor(Date.now() / 1000);
      const headers = await impl.signatureHeaders({ id: ID, body: BODY, secrets: SECRET });
      const ts = Number(headers['webhook-timestamp']);
      expect(ts).toBeGreaterThanOrEqual(before);
      expect(ts).toBeLessThanOrEqual(before + 2);
    });

    it('signs UTF-8 text and its bytes alike', async () => {
      const body = '{"text":"héllo ✓ 🎉"}';
      const secret = impl.generateSecret();
      const fromText = await impl.sign({ id: ID, timestamp: TS, body, secret });
      expect(await impl.sign({ id: ID, timestamp: TS, body: Buffer.from(body), secret })).toBe(fromText);
      const headers = { 'webhook-id': ID, 'webhook-timestamp': String(TS), 'webhook-signature': fromText };
      await expect(impl.verify(Buffer.from(body), headers, secret, NOW)).resolves.toEqual({ text: 'héllo ✓ 🎉' });
    });

    it('rejects inputs that would produce a wrong or unsendable signature', async () => {
      const base = { id: ID, timestamp: TS, body: BODY, secret: SECRET };
      await expect(impl.sign({ ...base, timestamp: TS * 1000 })).rejects.toThrow(/looks like milliseconds/);
      await expect(impl.sign({ ...base, timestamp: 1.5 })).rejects.toThrow(TypeError);
      await expect(impl.sign({ ...base, timestamp: undefined as unknown as number })).rejects.toThrow(
        /needs a timestamp/,
      );
      await expect(impl.sign({ ...base, id: 'has space' })).rejects.toThrow(/without spaces or commas/);
      await expect(impl.sign({ ...base, id: 'a,b' })).rejects.toThrow(TypeError);
      await expect(impl.sign({ ...base, id: 'a\r\nb' })).rejects.toThrow(TypeError);
      await expect(impl.sign({ ...base, body: { test: 1 } as unknown as string })).rejects.toThrow(/JSON.stringify/);
      await expectCode(impl.sign({ ...base, secret: 'oops' }), 'invalid_secret');
      await expectCode(impl.signatureHeaders({ id: ID, body: BODY, secrets: [] }), 'invalid_secret');
    });

    it('generates 32-byte whsec_ secrets', async () => {
      const secrets = new Set(Array.from({ length: 20 }, () => impl.generateSecret()));
      expect(secrets.size).toBe(20);
      for (const secret of secrets) {
        expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
        expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
      }
      expect(Buffer.from(impl.generateSecret(64).slice(6), 'base64')).toHaveLength(64);
      expect(() => impl.generateSecret(8)).toThrow(TypeError);
    });

    it('keeps working with more secrets than the key cache holds', async () => {
      const secrets = Array.from({ length: 80 }, () => impl.generateSecret());
      for (const round of [1, 2]) {
        for (const secret of secrets) {
          const headers = await impl.signatureHeaders({
            id: `msg_${round}`,
            timestamp: TS,
            body: BODY,
            secrets: secret,
          });
          await expect(impl.verify(BODY, headers, secret, NOW)).resolves.toBeDefined();
        }
      }
    });
  });

  describe('verifyRequest', () => {
    it('reads and verifies a fetch Request', async () => {
      const request = new Request('http://localhost/webhooks', { method: 'POST', body: BODY, headers: VECTOR_HEADERS });
      await expect(impl.verifyRequest(request, SECRET, NOW)).resolves.toEqual({ test: 2432232314 });
    });

    it('diagnoses a body that was already read', async () => {
      const request = new Request('http://localhost/webhooks', { method: 'POST', body: BODY, headers: VECTOR_HEADERS });
      await request.text();
      await expectCode(impl.verifyRequest(request, SECRET, NOW), 'body_not_raw', 'already read', 'request.clone()');
    });
  });
});

describe('node and web entries together', () => {
  it('verify each other', async () => {
    const secret = node.generateSecret();
    const body = JSON.stringify({ n: 1, text: 'ü' });
    const fromNode = node.signatureHeaders({ id: ID, body, secrets: secret });
    const fromWeb = await web.signatureHeaders({
      id: ID,
      timestamp: Number(fromNode['webhook-timestamp']),
      body,
      secrets: secret,
    });
    expect(fromWeb).toEqual(fromNode);
    expect(await web.verify(body, fromNode, secret)).toEqual({ n: 1, text: 'ü' });
    expect(node.verify(body, fromWeb, secret)).toEqual({ n: 1, text: 'ü' });
  });

  it('the node entry is synchronous and throws synchronously', () => {
    const result = node.verify(BODY, VECTOR_HEADERS, SECRET, NOW);
    expect(result).not.toBeInstanceOf(Promise);
    expect(node.sign({ id: ID, timestamp: TS, body: BODY, secret: SECRET })).toBe(SIGNATURE);
    expect(() => node.verify(BODY, VECTOR_HEADERS, SECRET)).toThrow(WebhookVerificationError);
    expect(node.verifyWebhookSignature(BODY, undefined, SECRET)).toBe(false);
    expect(() => node.verifyWebhookSignature(BODY, undefined, '')).toThrow(WebhookVerificationError);
  });

  it('the web entry always returns promises, even for bad input', async () => {
    const result = web.verify({} as RawBody, VECTOR_HEADERS, SECRET, NOW);
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toMatchObject({ code: 'body_not_raw' });
  });

  it('recognises its errors from another copy of the module (ESM/CJS, node/web builds)', async () => {
    vi.resetModules();
    const copy = await import('./core/errors.js');
    expect(copy.WebhookVerificationError).not.toBe(WebhookVerificationError);
    const error = new copy.WebhookVerificationError('invalid_signature', 'x');
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toBeInstanceOf(Error);
    expect(node.isWebhookVerificationError(error)).toBe(true);
    expect(new Error('x')).not.toBeInstanceOf(WebhookVerificationError);
    expect(node.isWebhookVerificationError({ code: 'invalid_signature' })).toBe(false);
  });

  it('errorResponse builds the adapters’ JSON envelope', () => {
    const error = new WebhookVerificationError('timestamp_too_old', 'old');
    expect(node.errorResponse(error)).toEqual({
      status: 401,
      body: { success: false, error: { code: 'timestamp_too_old', message: 'old' } },
    });
    expect(node.errorResponse(new Error('secret stuff')).body.error.message).not.toContain('secret');
  });
});
