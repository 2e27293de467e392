/** How an API key is shown by the key commands and `apps create` (which issues the first one). */
import { shortTime } from '../../output.js';

export interface KeyLike {
  id: string;
  name?: string | null;
  prefix: string;
  created_at: string;
  revoked_at?: string | null;
}

export function describeKey(key: KeyLike): [string, string][] {
  const pairs: [string, string][] = [
    ['key id', key.id],
    ['prefix', key.prefix],
  ];
  if (key.name) pairs.push(['name', key.name]);
  pairs.push(['created', shortTime(key.created_at)]);
  if (key.revoked_at) pairs.push(['revoked', shortTime(key.revoked_at)]);
  return pairs;
}

export function keyRow(key: KeyLike): string[] {
  return [
    key.id,
    key.name ?? '',
    `${key.prefix}…`,
    shortTime(key.created_at),
    key.revoked_at ? `revoked ${shortTime(key.revoked_at)}` : 'active',
  ];
}
