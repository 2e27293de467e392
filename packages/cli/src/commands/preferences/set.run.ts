import type { Preferences, PutPreferencesRequest } from '@oriva/sdk';
import { createUserClient } from '../../client.js';
import { UsageError } from '../../errors.js';
import type { Handler, OptionsOf } from '../define.js';
import type { declaration } from './set.js';
import { printPreferences } from './shared.js';

/** What `preferences set` changes: apps and `[app, type]` pairs to mute and unmute. */
export interface PreferenceChanges {
  muteApps: string[];
  unmuteApps: string[];
  muteTypes: [string, string][];
  unmuteTypes: [string, string][];
}

/** `work-buddy:digest` → `['work-buddy', 'digest']` (split at the first colon); a usage error otherwise. */
export function parseTypeRef(flag: string, text: string): [string, string] {
  const colon = text.indexOf(':');
  const app = colon > 0 ? text.slice(0, colon).trim() : '';
  const type = colon > 0 ? text.slice(colon + 1).trim() : '';
  if (app === '' || type === '') {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not <app_id>:<notification_type>`, {
      hint: `use e.g. ${flag} work-buddy:digest`,
    });
  }
  return [app, type];
}

/** Reads the repeated flags (any may be left out), refusing an app or a type both muted and unmuted. */
export function parseChanges(options: Partial<OptionsOf<typeof declaration>>): PreferenceChanges {
  const changes: PreferenceChanges = {
    muteApps: options.muteApp ?? [],
    unmuteApps: options.unmuteApp ?? [],
    muteTypes: (options.muteType ?? []).map((text) => parseTypeRef('--mute-type', text)),
    unmuteTypes: (options.unmuteType ?? []).map((text) => parseTypeRef('--unmute-type', text)),
  };
  const count =
    changes.muteApps.length + changes.unmuteApps.length + changes.muteTypes.length + changes.unmuteTypes.length;
  if (count === 0) {
    throw new UsageError('nothing to change', {
      hint: 'pass --mute-app, --unmute-app, --mute-type <app>:<type> or --unmute-type <app>:<type> (each may repeat)',
    });
  }
  const bothApps = changes.muteApps.filter((app) => changes.unmuteApps.includes(app));
  const key = ([app, type]: [string, string]) => `${app}:${type}`;
  const unmutedTypes = new Set(changes.unmuteTypes.map(key));
  const bothTypes = changes.muteTypes.map(key).filter((ref) => unmutedTypes.has(ref));
  const both = [...new Set([...bothApps, ...bothTypes])];
  if (both.length) throw new UsageError(`${both.join(', ')} cannot be both muted and unmuted`);
  return changes;
}

/** `current` with the changes applied; everything else is kept, order included. */
export function applyChanges(current: Preferences, changes: PreferenceChanges): PutPreferencesRequest {
  const apps = current.muted_apps.filter((app) => !changes.unmuteApps.includes(app));
  for (const app of changes.muteApps) if (!apps.includes(app)) apps.push(app);
  const types: Record<string, string[]> = {};
  for (const [app, list] of Object.entries(current.muted_types)) types[app] = [...list];
  for (const [app, type] of changes.unmuteTypes) {
    const list = (types[app] ?? []).filter((item) => item !== type);
    if (list.length) types[app] = list;
    else delete types[app];
  }
  for (const [app, type] of changes.muteTypes) {
    const list = types[app] ?? [];
    if (!list.includes(type)) list.push(type);
    types[app] = list;
  }
  return { muted_apps: apps, muted_types: types };
}

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const changes = parseChanges(options);
  const { oriva } = await createUserClient(ctx, options);
  // Read, change, write: the API replaces preferences as a whole.
  const { preferences } = await oriva.preferences.get();
  const result = await oriva.preferences.replace(applyChanges(preferences, changes));
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Saved preferences\n`);
  printPreferences(ctx, result);
  return 0;
};
