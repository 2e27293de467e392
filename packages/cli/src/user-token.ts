/**
 * User JWTs for a local server: `oriva users token`, and `--as-user` on the user-side commands.
 * Signed with the server's secret: `ORIVA_JWT_SECRET`, or `<data dir>/jwt-secret` written by `oriva server start`.
 */
import { join } from 'node:path';
import { isLocalUrl, localDataDir } from './config.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';

export interface MintOptions {
  /** Lifetime in seconds. */
  expiresIn: number;
  /** The data directory holding `jwt-secret` (default `ORIVA_DATA_DIR`, then `./.oriva`). */
  dataDir?: string | undefined;
  /**
   * What the token is for, when it is sent to the configured server (`--as-user`): the data
   * directory's secret is then only used for a local base URL.
   */
  flag?: string | undefined;
}

/** Mints an HS256 token with `sub = userId`. The server package is loaded only now. */
export async function mintUserToken(ctx: CommandContext, userId: string, options: MintOptions): Promise<string> {
  const server = await import('@oriva/server');
  let secret = ctx.env.ORIVA_JWT_SECRET?.trim() || undefined;
  if (!secret) {
    if (options.flag !== undefined) {
      const { baseUrl } = ctx.settings();
      if (!isLocalUrl(baseUrl)) {
        throw new UserError(`${options.flag} signs a token with a local server's secret, but ${baseUrl} is not local`, {
          hint: `pass --token <jwt> with a token that server accepts, or set ORIVA_JWT_SECRET to its secret`,
        });
      }
    }
    const dataDir = localDataDir(ctx.env, ctx.cwd, options.dataDir);
    secret = server.readLocalSecrets(dataDir).jwtSecret;
    if (!secret) {
      throw new UserError(
        `no JWT secret: ORIVA_JWT_SECRET is unset and ${join(dataDir, 'jwt-secret')} does not exist`,
        {
          hint:
            options.flag === undefined
              ? 'start the server once with `oriva server start` or set ORIVA_JWT_SECRET'
              : `start the server once with \`oriva server start\` or set ORIVA_JWT_SECRET, or pass --token <jwt> instead of ${options.flag}`,
        },
      );
    }
  }
  return server.mintUserToken({ secret, userId, expiresIn: options.expiresIn });
}
