import { join } from 'node:path';
import { localDataDir } from '../config.js';
import type { CommandContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { UsageError, UserError } from '../errors.js';

export interface Options {
  expiresIn: string;
  dataDir?: string;
}

export async function run(ctx: CommandContext, [userId]: [string], options: Options) {
  const lifetime = parseDuration(options.expiresIn);
  if (lifetime === undefined || lifetime < 1000) {
    throw new UsageError(`--expires-in ${JSON.stringify(options.expiresIn)} is not a duration`, {
      hint: 'use e.g. 30m, 1h, 7d, or a number of seconds',
    });
  }
  const expiresIn = Math.floor(lifetime / 1000);
  const server = await import('@oriva/server');

  let secret = ctx.env.ORIVA_JWT_SECRET?.trim() || undefined;
  if (!secret) {
    const dataDir = localDataDir(ctx.env, ctx.cwd, options.dataDir);
    secret = server.readLocalSecrets(dataDir).jwtSecret;
    if (!secret) {
      throw new UserError(
        `no JWT secret: ORIVA_JWT_SECRET is unset and ${join(dataDir, 'jwt-secret')} does not exist`,
        {
          hint: 'start the server once with `oriva server start` or set ORIVA_JWT_SECRET',
        },
      );
    }
  }

  const token = await server.mintUserToken({ secret, userId, expiresIn });
  if (ctx.json) {
    ctx.printJson({
      token,
      user_id: userId,
      expires_at: new Date(Date.now() + expiresIn * 1000).toISOString(),
    });
    return 0;
  }
  // The token alone on stdout, so `TOKEN=$(oriva users token user_1)` works.
  ctx.write(`${token}\n`);
  return 0;
}
