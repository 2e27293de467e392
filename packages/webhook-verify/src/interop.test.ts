import { randomBytes, randomInt } from 'node:crypto';
import { WebhookVerificationError as TheirError, Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import * as node from './index.js';
import * as web from './web.js';

// Interoperability with the reference implementation, the `standardwebhooks` npm package.

function randomBody(): string {
  const text = randomBytes(randomInt(0, 200)).toString('base64');
  return JSON.stringify({ text, unicode: 'ünï ✓ 🎉', n: randomInt(1e9), nested: { list: [1, 'two', null] } });
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('standardwebhooks interop', () => {
  it('agrees on the published test vector', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const theirs = new Webhook(secret).sign(
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(theirs).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  for (const [name, impl] of [
    ['node', node],
    ['web', web],
  ] as const) {
    it(`${name}: our signatures verify with standardwebhooks`, async () => {
      for (let i = 0; i < 25; i++) {
        const secret = impl.generateSecret(randomInt(24, 65));
        const body = randomBody();
        const headers = await impl.signatureHeaders({
          id: `msg_${i}_${randomBytes(6).toString('hex')}`,
          body,
          secrets: secret,
        });
        expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
        expect(new Webhook(secret).verify(Buffer.from(body), headers)).toEqual(JSON.parse(body));
      }
    });

    it(`${name}: standardwebhooks signatures verify with ours`, async () => {
      for (let i = 0; i < 25; i++) {
        const secret = impl.generateSecret(randomInt(24, 65));
        const body = randomBody();
        const id = `msg_${randomBytes(8).toString('hex')}`;
        const ts = nowSeconds();
        const signature = new Webhook(secret).sign(id, new Date(ts * 1000), body);
        const headers = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature };
        expect(await impl.verify(body, headers, secret)).toEqual(JSON.parse(body));
        expect(await impl.verify(Buffer.from(body), new Headers(headers), secret)).toEqual(JSON.parse(body));
        expect(await impl.sign({ id, timestamp: ts, body, secret })).toBe(signature);
      }
    });

    it(`${name}: rotation headers (several signatures) verify with standardwebhooks for each secret`, async () => {
      const secrets = [impl.generateSecret(), impl.generateSecret(), impl.generateSecret()];
      const body = randomBody();
      const headers = await impl.signatureHeaders({ id: 'msg_rotation', body, secrets });
      for (const secret of secrets) expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
      expect(() => new Webhook(impl.generateSecret()).verify(body, headers)).toThrow(TheirError);
    });

    it(`${name}: agrees on large bodies and on keys longer than the SHA-256 block`, async () => {
      for (const [bodyBytes, keyBytes] of [
        [30_000, 16],
        [100_000, 64],
        [1_000, 65],
        [70_000, 128],
      ] as const) {
        const secret = impl.generateSecret(keyBytes);
        const body = JSON.stringify({ blob: 'é✓'.repeat(bodyBytes / 5), n: bodyBytes });
        const headers = await impl.signatureHeaders({ id: 'msg_large', body, secrets: secret });
        expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
        const id = 'msg_theirs';
        const ts = nowSeconds();
        const signature = new Webhook(secret).sign(id, new Date(ts * 1000), body);
        const theirHeaders = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature };
        expect(await impl.verify(Buffer.from(body), theirHeaders, secret)).toEqual(JSON.parse(body));
        expect(await impl.verify(body, theirHeaders, secret)).toEqual(JSON.parse(body));
      }
    });

    it(`${name}: both reject the same tampered deliveries`, async () => {
      const secret = impl.generateSecret();
      const body = randomBody();
      const headers = await impl.signatureHeaders({ id: 'msg_tamper', body, secrets: secret });
      const tampered = [
        { body: `${body} `, headers },
        { body, headers: { ...headers, 'webhook-id': 'msg_tampes' } },
        { body, headers: { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) } },
        {
          body,
          headers: {
            ...headers,
            'webhook-signature': headers['webhook-signature'].replace(/^v1,(.)/, (_m, c) =>
              c === 'A' ? 'v1,B' : 'v1,A',
            ),
          },
        },
      ];
      for (const delivery of tampered) {
        expect(() => new Webhook(secret).verify(delivery.body, delivery.headers)).toThrow(TheirError);
        await expect(
          Promise.resolve().then(() => impl.verify(delivery.body, delivery.headers, secret)),
        ).rejects.toThrow(node.WebhookVerificationError);
      }
    });
  }
});
