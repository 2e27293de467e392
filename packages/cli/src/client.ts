/**
 * Builds an SDK client from the resolved settings, with the credentials a command needs.
 * The SDK is imported here, lazily, so commands that never talk to the API never load it.
 */
import type { Oriva } from '@oriva/sdk';
import { isLocalUrl, localDataDir, readLocalAdminToken } from './config.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';

/**
 * - `app`: the app's API key (publishing events).
 * - `admin`: the admin token (registering and listing apps).
 * - `admin-or-app`: the admin token if there is one, else the app's key (keys, one app).
 * - `app-or-admin`: the app's key if there is one, else the admin token (reading events).
 */
export type AuthMode = 'app' | 'admin' | 'admin-or-app' | 'app-or-admin';

export interface Client {
  oriva: Oriva;
  baseUrl: string;
  /** Which credential the client carries. */
  auth: 'app' | 'admin';
}

const API_KEY_HINT =
  'pass --api-key, set ORIVA_API_KEY, or save it with `oriva profile set <name> --api-key ok_…`; `oriva apps create` and `oriva keys create` issue keys';

/** The admin token: flags > env > profile, then `<data dir>/admin-token` when the server is local. */
export function resolveAdminToken(ctx: CommandContext): { token?: string; dataDir?: string } {
  const settings = ctx.settings();
  if (settings.adminToken) return { token: settings.adminToken };
  if (!isLocalUrl(settings.baseUrl)) return {};
  const dataDir = localDataDir(ctx.env, ctx.cwd);
  const token = readLocalAdminToken(dataDir);
  return token ? { token, dataDir } : { dataDir };
}

export async function createClient(ctx: CommandContext, mode: AuthMode): Promise<Client> {
  const settings = ctx.settings();
  const apiKey = settings.apiKey;
  const admin = mode === 'app' || (mode === 'app-or-admin' && apiKey) ? {} : resolveAdminToken(ctx);

  let auth: Client['auth'];
  if (mode === 'app' || (mode === 'app-or-admin' && apiKey) || (mode === 'admin-or-app' && !admin.token && apiKey)) {
    if (!apiKey) throw new UserError('no API key configured', { hint: API_KEY_HINT });
    auth = 'app';
  } else if (admin.token) {
    auth = 'admin';
  } else {
    const where = admin.dataDir
      ? `; a local server writes one to ${admin.dataDir}/admin-token when it starts (\`oriva server start\`)`
      : '';
    throw new UserError(mode === 'admin' ? 'no admin token configured' : 'no admin token or API key configured', {
      hint: `pass --admin-token or set ORIVA_ADMIN_TOKEN${mode === 'admin' ? '' : ' (or --api-key for the app itself)'}${where}`,
    });
  }

  const { Oriva } = await import('@oriva/sdk');
  let warned = false;
  const oriva = new Oriva({
    baseUrl: settings.baseUrl,
    // The SDK retries 429s after the server's Retry-After (up to a minute): say so instead of hanging silently.
    fetch: async (url, init) => {
      const response = await globalThis.fetch(url, init);
      if (response.status === 429 && !warned && !ctx.json) {
        warned = true;
        const after = response.headers.get('retry-after');
        ctx.note(
          `${ctx.err.yellow('note:')} rate limited by the server${after ? ` (retry after ${after} s)` : ''}; retrying can take up to a minute, Ctrl-C stops`,
        );
      }
      return response;
    },
    ...(auth === 'app' ? { apiKey } : { adminToken: admin.token }),
    ...(settings.appId ? { appId: settings.appId } : {}),
  });
  return { oriva, baseUrl: settings.baseUrl, auth };
}

/** The app the command acts on: `--app-id`, `ORIVA_APP_ID` or the profile's. */
export function requireAppId(ctx: CommandContext): string {
  const appId = ctx.settings().appId;
  if (!appId) {
    throw new UserError('no app id configured', {
      hint: 'pass --app-id, set ORIVA_APP_ID, or save it with `oriva profile set <name> --app-id <app_id>`',
    });
  }
  return appId;
}
