/**
 * Builds an SDK client from the resolved settings, with the credentials a command needs.
 * The SDK is imported here, lazily, so commands that never talk to the API never load it.
 */
import type { ClientOptions, Oriva } from '@oriva/sdk';
import { isLocalUrl, localDataDir, readLocalAdminToken } from './config.js';
import type { CommandContext } from './context.js';
import { UsageError, UserError } from './errors.js';
import { mintUserToken } from './user-token.js';

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
  auth: 'app' | 'admin' | 'user';
}

/** The flags of user-side commands: act as a user instead of with the app's or admin's credentials. */
export interface UserFlags {
  /** `--as-user <user_id>`: mint a short-lived token for that user with the local server's secret. */
  asUser?: string;
  /** `--token <jwt>`: a user's JWT. */
  token?: string;
}

/** How long a token minted for `--as-user` lives: one command's worth. */
const AS_USER_TOKEN_SECONDS = 300;

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

  const oriva = await newOriva(ctx, auth === 'app' ? { apiKey } : { adminToken: admin.token });
  return { oriva, baseUrl: settings.baseUrl, auth };
}

/** True when the command was given a user's credentials (`--as-user` or `--token`). */
export function hasUserFlags(flags: UserFlags): boolean {
  return flags.asUser !== undefined || flags.token !== undefined;
}

/**
 * A client acting as one user: `--token <jwt>` as is, or `--as-user <user_id>` with a token minted
 * with the local server's secret. Without either, a usage error naming them.
 */
export async function createUserClient(ctx: CommandContext, flags: UserFlags): Promise<Client> {
  if (flags.asUser !== undefined && flags.token !== undefined) {
    throw new UsageError('use --as-user or --token, not both');
  }
  let userToken: string;
  let userId: string | undefined;
  if (flags.token !== undefined) {
    userToken = flags.token.trim();
    if (userToken === '')
      throw new UsageError('--token is empty', { hint: 'pass a user JWT, e.g. $(oriva users token user_456)' });
  } else if (flags.asUser !== undefined) {
    userId = flags.asUser;
    if (userId.trim() === '')
      throw new UsageError('--as-user is empty', { hint: 'pass the user id, e.g. --as-user user_456' });
    userToken = await mintUserToken(ctx, userId, { expiresIn: AS_USER_TOKEN_SECONDS, flag: '--as-user' });
  } else {
    throw new UsageError('this command acts as a user: say which one', {
      hint: "pass --as-user <user_id> (a local server: oriva signs a token with its secret) or --token <jwt> (the user's token)",
    });
  }
  const oriva = await newOriva(ctx, { userToken, ...(userId === undefined ? {} : { userId }) });
  return { oriva, baseUrl: ctx.settings().baseUrl, auth: 'user' };
}

/**
 * A user's client when `--as-user` or `--token` is given, else the app's key or the admin token
 * (`app-or-admin`): for commands either side may run (show, mark read, dismiss, delete).
 */
export async function createUserOrAppClient(ctx: CommandContext, flags: UserFlags): Promise<Client> {
  if (hasUserFlags(flags)) return createUserClient(ctx, flags);
  if (!ctx.settings().apiKey && !resolveAdminToken(ctx).token) {
    throw new UserError('no credentials configured', {
      hint: 'act as the user with --as-user <user_id> or --token <jwt>, or as the owning app with --api-key (or ORIVA_API_KEY); the admin token works too',
    });
  }
  return createClient(ctx, 'app-or-admin');
}

type Credential = Pick<ClientOptions, 'apiKey' | 'adminToken' | 'userToken' | 'userId'>;

async function newOriva(ctx: CommandContext, credential: Credential): Promise<Oriva> {
  const settings = ctx.settings();
  const { Oriva } = await import('@oriva/sdk');
  // A short Retry-After is waited out and retried; a longer one fails at once (RateLimitError) and
  // the report says when the limit frees up, so no command sits silent for minutes.
  const maxRetryWait = Oriva.DEFAULT_MAX_RETRY_WAIT;
  let warned = false;
  return new Oriva({
    baseUrl: settings.baseUrl,
    maxRetryWait,
    fetch: async (url, init) => {
      const response = await globalThis.fetch(url, init);
      const after = Number(response.headers.get('retry-after'));
      const waits = response.status === 429 && after > 0 && after * 1000 <= maxRetryWait;
      if (waits && !warned && !ctx.json) {
        warned = true;
        ctx.note(`${ctx.err.yellow('note:')} rate limited by the server; retrying in ${after} s (Ctrl-C stops)`);
      }
      return response;
    },
    ...credential,
    ...(settings.appId ? { appId: settings.appId } : {}),
  });
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
