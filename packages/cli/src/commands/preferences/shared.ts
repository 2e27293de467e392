/** Display shared by `preferences get` and `preferences set`. */
import type { PreferencesResponse } from '@oriva/sdk';
import type { CommandContext } from '../../context.js';
import { formatPairs, escapeTerminal as safe, shortTime } from '../../output.js';

export function printPreferences(ctx: CommandContext, { preferences, updated_at }: PreferencesResponse): void {
  const types = Object.entries(preferences.muted_types).filter(([, list]) => list.length > 0);
  const pairs: [string, string][] = [
    ['muted apps', preferences.muted_apps.length ? preferences.muted_apps.map((app) => safe(app)).join(', ') : 'none'],
  ];
  if (types.length === 0) pairs.push(['muted types', 'none']);
  types.forEach(([app, list], index) => {
    pairs.push([index === 0 ? 'muted types' : '', `${safe(app)}: ${list.map((type) => safe(type)).join(', ')}`]);
  });
  pairs.push(['updated', updated_at ? shortTime(updated_at) : 'never']);
  ctx.write(formatPairs(pairs, ctx.out.dim));
}
