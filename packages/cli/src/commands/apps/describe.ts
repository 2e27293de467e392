/** How apps and their API keys are shown, by the app and key commands. */
import { shortTime } from '../../output.js';

export interface AppLike {
  app_id: string;
  name: string;
  icon_url?: string | null;
  created_at: string;
  updated_at?: string;
}

export interface KeyLike {
  id: string;
  name?: string | null;
  prefix: string;
  created_at: string;
  revoked_at?: string | null;
}

export function describeApp(app: AppLike): [string, string][] {
  const pairs: [string, string][] = [
    ['app_id', app.app_id],
    ['name', app.name],
  ];
  if (app.icon_url) pairs.push(['icon_url', app.icon_url]);
  pairs.push(['created', shortTime(app.created_at)]);
  if (app.updated_at && app.updated_at !== app.created_at) pairs.push(['updated', shortTime(app.updated_at)]);
  return pairs;
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
