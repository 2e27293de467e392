import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { mintUserToken } from '../../user-token.js';
import type { Handler } from '../define.js';
import type { declaration } from './token.js';

export const run: Handler<typeof declaration> = async (ctx, [userId], options) => {
  const lifetime = parseDuration(options.expiresIn);
  if (lifetime === undefined || lifetime < 1000) {
    throw new UsageError(`--expires-in ${JSON.stringify(options.expiresIn)} is not a duration`, {
      hint: 'use e.g. 30m, 1h, 7d, or a number of seconds',
    });
  }
  const expiresIn = Math.floor(lifetime / 1000);
  const token = await mintUserToken(ctx, userId, { expiresIn, dataDir: options.dataDir });
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
};
