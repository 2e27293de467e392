import { getRandomValues } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `evt_` + a 26-character ULID (10 time characters, 16 random), like the real server's ids. */
export function eventId(): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  let tail = '';
  for (const b of getRandomValues(new Uint8Array(16))) tail += CROCKFORD[b & 31];
  return `evt_${head}${tail}`;
}
