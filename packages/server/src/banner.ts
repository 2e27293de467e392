import { relative } from 'node:path';
import { describeRateLimits } from './config/rate-limits.js';
import type { RunningServer } from './server.js';

/** What a person starting the server needs: where it is, where the admin token is, what to do next. */
export function startupBanner(server: RunningServer, cwd = process.cwd()): string {
  const shown = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') ? `./${rel}` : path;
  };
  const tokenLine = server.adminTokenFile
    ? `Admin token: saved in ${shown(server.adminTokenFile)}`
    : 'Admin token: from ORIVA_ADMIN_TOKEN';
  const tokenExpression = server.adminTokenFile ? `$(cat ${shown(server.adminTokenFile)})` : '$ORIVA_ADMIN_TOKEN';
  return [
    `Oriva server listening on ${server.url}${server.config.dev ? ' (dev mode)' : ''}`,
    server.databaseFile
      ? `Storage:     SQLite at ${shown(server.databaseFile)}`
      : `Storage:     PostgreSQL (schema ${server.config.database?.schema ?? 'public'})`,
    tokenLine,
    `Rate limits: ${describeRateLimits(server.config.rateLimits, server.config.dev)}`,
    ...(server.config.inbox ? [`Inbox:       ${server.url}/inbox (the notification center)`] : []),
    'Next:        register an app and get its API key:',
    `  curl -s -X POST ${server.url}/api/v1/apps -H "Authorization: Bearer ${tokenExpression}" \\`,
    `    -H 'content-type: application/json' -d '{"app_id":"work-buddy","name":"Work Buddy"}'`,
    `  (or: pnpm oriva apps create work-buddy --name "Work Buddy"). API reference: ${server.url}/docs`,
  ].join('\n');
}
