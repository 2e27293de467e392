import { relative, resolve } from 'node:path';
import { describeRateLimits } from './config/rate-limits.js';
import type { RunningServer } from './server.js';

export interface BannerOptions {
  /** Where the person reading it is: paths are shown relative to it. Default `process.cwd()`. */
  cwd?: string;
  /** The environment their CLI will see (`ORIVA_API_BASE`). Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** How they run the CLI: `oriva`, or `pnpm -s oriva` inside the Oriva repository. Default `oriva`. */
  cli?: string;
}

/** The base URL the CLI uses when nothing names one (packages/cli/src/config.ts). */
const CLI_DEFAULT_PORT = 8787;

/**
 * What a person starting the server needs: where it is, where the admin token is, and the next
 * command, which they can paste as it is.
 */
export function startupBanner(server: RunningServer, options: BannerOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const cli = options.cli ?? 'oriva';
  const shown = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') ? `./${rel}` : path;
  };
  const tokenLine = server.adminTokenFile
    ? `Admin token: saved in ${shown(server.adminTokenFile)}`
    : 'Admin token: from ORIVA_ADMIN_TOKEN';
  const tokenExpression = server.adminTokenFile ? `$(cat ${shown(server.adminTokenFile)})` : '$ORIVA_ADMIN_TOKEN';
  const next =
    server.appsAtStart.length > 0
      ? [
          `Apps:        ${listed(server.appsAtStart)} registered already (\`${cli} apps list\` shows them)`,
          `             API reference: ${server.url}/docs`,
        ]
      : [
          'Next:        register an app and get its API key:',
          `  ${cli} apps create work-buddy --name "Work Buddy"`,
          `  (or: curl -s -X POST ${server.url}/api/v1/apps -H "Authorization: Bearer ${tokenExpression}" \\`,
          `    -H 'content-type: application/json' -d '{"app_id":"work-buddy","name":"Work Buddy"}')`,
          `  API reference: ${server.url}/docs`,
        ];
  return [
    `Oriva server listening on ${server.url}${server.config.dev ? ' (dev mode)' : ''}`,
    server.databaseFile
      ? `Storage:     SQLite at ${shown(server.databaseFile)}`
      : `Storage:     PostgreSQL (schema ${server.config.database?.schema ?? 'public'})`,
    tokenLine,
    `Rate limits: ${describeRateLimits(server.config.rateLimits, server.config.dev)}`,
    ...(server.config.inbox ? [`Inbox:       ${server.url}/inbox (the notification center)`] : []),
    ...(server.config.console ? [`Console:     ${server.url}/console (webhooks, deliveries, events, keys)`] : []),
    ...cliEnvironment(server, cwd, env),
    ...next,
  ].join('\n');
}

/**
 * The `export` line another terminal needs when the CLI would not find this server by itself. It
 * does when run from this directory (it reads `./.oriva/server.json`) or when the server is on the
 * default port, unless a different ORIVA_API_BASE in this shell wins over both.
 */
function cliEnvironment(server: RunningServer, cwd: string, env: Record<string, string | undefined>): string[] {
  const dataDir = server.config.dataDir;
  const foundFromHere = dataDir === resolve(cwd, '.oriva');
  const onDefaultPort = server.port === CLI_DEFAULT_PORT && /^http:\/\/(127\.0\.0\.1|localhost)(:|$)/.test(server.url);
  const apiBase = env.ORIVA_API_BASE?.trim();
  const overridden = apiBase !== undefined && apiBase !== '' && apiBase.replace(/\/(api\/v1\/?)?$/, '') !== server.url;
  const variables = [
    ...(overridden || (!foundFromHere && !onDefaultPort) ? [`ORIVA_API_BASE=${server.url}`] : []),
    // Admin commands read the token from the data directory: name it when it is not ./.oriva.
    ...(server.adminTokenFile && !foundFromHere ? [`ORIVA_DATA_DIR=${quoted(dataDir)}`] : []),
  ];
  if (variables.length === 0) return [];
  return ['CLI:         in another terminal, point oriva at this server:', `  export ${variables.join(' ')}`];
}

/** `a, b, c and 4 more`: the banner stays one screen however many apps there are. */
function listed(ids: string[]): string {
  const shown = ids.slice(0, 3).join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/** A path as the shell reads it back: quoted only when it has to be. */
function quoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
