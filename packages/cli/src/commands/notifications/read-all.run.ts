import { createUserClient } from '../../client.js';
import { parseTimeBound } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { escapeTerminal } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './read-all.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  let before: string | undefined;
  if (options.before !== undefined) {
    before = parseTimeBound(options.before);
    if (before === undefined) {
      throw new UsageError(`--before ${JSON.stringify(options.before)} is neither an ISO-8601 time nor a duration`, {
        hint: 'use e.g. --before 2025-09-30T10:00:00Z, --before 2025-09-30, or --before 1h (an hour ago)',
      });
    }
  }
  const { oriva } = await createUserClient(ctx, options);
  const result = await oriva.notifications.markAllRead({
    ...(options.app === undefined ? {} : { app_id: options.app }),
    ...(before === undefined ? {} : { before }),
  });
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const scope = options.app === undefined ? '' : ` from ${escapeTerminal(options.app)}`;
  ctx.write(`${ctx.out.green('✔')} Marked ${result.count} notification${result.count === 1 ? '' : 's'}${scope} read\n`);
  return 0;
};
