/** How an app is shown by `apps create` and `apps show`. */
import { shortTime } from '../../output.js';

export interface AppLike {
  app_id: string;
  name: string;
  icon_url?: string | null;
  created_at: string;
  updated_at?: string;
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
