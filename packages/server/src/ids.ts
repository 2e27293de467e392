import { randomFillSync } from 'node:crypto';

/** Crockford base32, as ULID uses: sortable as text, no ambiguous letters. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdPrefix = 'evt' | 'ntf' | 'wh' | 'del' | 'att' | 'key' | 'req' | 'app' | 'ops';

let lastTime = -1;
const lastRandom = new Uint8Array(10);
// Random bytes are drawn from the OS in blocks: one randomFillSync costs ~6 µs, as much as the rest of
// an id, and a new millisecond needs only 10 bytes.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

function freshRandom(): void {
  if (poolOffset + lastRandom.length > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  lastRandom.set(pool.subarray(poolOffset, poolOffset + lastRandom.length));
  poolOffset += lastRandom.length;
}

/**
 * A prefixed, time-sortable id: `evt_` + a 26-character monotonic ULID. Ids made in the same
 * millisecond increment the random part, so ordering by id is ordering by creation in this process.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  if (now <= lastTime) {
    incrementRandom();
  } else {
    lastTime = now;
    freshRandom();
  }
  return `${prefix}_${encodeTime(lastTime)}${encodeRandom()}`;
}

function incrementRandom(): void {
  for (let index = lastRandom.length - 1; index >= 0; index--) {
    const value = lastRandom[index]!;
    if (value < 255) {
      lastRandom[index] = value + 1;
      return;
    }
    lastRandom[index] = 0;
  }
  // 80 bits overflowed within one millisecond: borrow the next millisecond rather than repeat an id.
  lastTime += 1;
}

function encodeTime(time: number): string {
  let out = '';
  let remaining = time;
  for (let index = 0; index < 10; index++) {
    out = ALPHABET[remaining % 32] + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}

function encodeRandom(): string {
  // 80 bits → 16 base32 characters, 5 bits at a time.
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of lastRandom) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
