/**
 * Measures the Node entry's hand-rolled HMAC fast path against plain `createHmac`, for the bodies webhooks carry.
 * The figures justify (or not) the fast path in src/node-hmac.ts, whose comment quotes them.
 *
 *   npx tsx packages/webhook-verify/scripts/bench-hmac.ts
 *
 * Each case alternates the two implementations over several timed rounds; it reports the median rate of each and
 * the median of the per-round ratios (a fast round against the plain round right after it, so both ran under the
 * same load: the machine may be shared). The last lines put the saving beside what a whole `verify()` costs.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { generateSecret, signatureHeaders, verify } from '../src/index.js';
import { type HmacKey, hmac, hmacKey, plainHmac } from '../src/node-hmac.js';

type Hmac = typeof hmac;

const ROUNDS = 15;
const ROUND_MS = 100;
const PREFIX = 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T.1759228200.';

/** A JSON body of about `size` bytes, shaped like an Oriva delivery. */
function deliveryBody(size: number): string {
  const event = {
    id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    type: 'notification.dismissed',
    event_category: 'notification',
    event_type: 'notification.dismissed',
    entity_type: 'notification',
    entity_id: 'wb_notif_123',
    user_id: 'user_456',
    app_id: 'work-buddy',
    event_data: { note: '' },
    timestamp: '2025-09-30T10:30:00.000Z',
  };
  const base = JSON.stringify(event).length;
  event.event_data.note = 'x'.repeat(Math.max(0, size - base));
  return JSON.stringify(event);
}

let sink = 0;

/** Operations per second of `operation` over one round. */
function rate(operation: () => number): number {
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 500; i++) sink += operation();
    operations += 500;
    elapsed = performance.now() - start;
  } while (elapsed < ROUND_MS);
  return (operations / elapsed) * 1000;
}

const round = (implementation: Hmac, key: HmacKey, body: string | Buffer) =>
  rate(() => implementation(key, PREFIX, body, 'latin1').length);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const key = hmacKey(randomBytes(24));
const cases: Array<[string, string | Buffer]> = [];
for (const size of [300, 1024, 4096, 16_384]) {
  const text = deliveryBody(size);
  cases.push([`${size} B string`, text], [`${size} B Buffer`, Buffer.from(text)]);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} threads)`);
console.log('body              fast path ops/s   createHmac ops/s   ratio');
const savedMicroseconds = new Map<string, number>();
for (const [name, body] of cases) {
  // Warm both up, so neither pays for compilation inside a timed round.
  for (let i = 0; i < 2; i++) {
    round(hmac, key, body);
    round(plainHmac, key, body);
  }
  const fast: number[] = [];
  const plain: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    fast.push(round(hmac, key, body));
    plain.push(round(plainHmac, key, body));
    ratios.push(fast[i]! / plain[i]!);
  }
  const [f, p] = [median(fast), median(plain)];
  savedMicroseconds.set(name, 1e6 / p - 1e6 / f);
  const ops = (value: number) => Math.round(value).toLocaleString('en');
  console.log(`${name.padEnd(16)}  ${ops(f).padStart(15)}   ${ops(p).padStart(16)}   ${median(ratios).toFixed(2)}×`);
}

// What the saving weighs in a whole verification (headers, timestamp, HMAC, comparison, JSON.parse).
const secret = generateSecret();
for (const size of [300, 1024, 4096]) {
  const body = Buffer.from(deliveryBody(size));
  const headers = signatureHeaders({ id: 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T', body, secrets: secret });
  const verifications = median(
    Array.from({ length: ROUNDS }, () => rate(() => (verify(body, headers, secret) ? 1 : 0))),
  );
  const saved = savedMicroseconds.get(`${size} B Buffer`)!;
  console.log(
    `verify() of a ${size} B Buffer: ${Math.round(verifications).toLocaleString('en')} ops/s, ${(1e6 / verifications).toFixed(2)} µs each; the fast path saves ${saved.toFixed(2)} µs of it`,
  );
}
if (sink === 0) console.log('');
