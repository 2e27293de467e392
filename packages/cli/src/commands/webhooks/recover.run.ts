import type { RecoverRequest } from '@oriva/sdk';
import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './recover.js';
import { onWebhook, timeBound, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  const params: RecoverRequest = {
    since: timeBound('--since', options.since),
    ...(options.until === undefined ? {} : { until: timeBound('--until', options.until) }),
    ...(options.dryRun ? { dry_run: true } : {}),
  };
  const { oriva } = await webhookClient(ctx);
  const result = await onWebhook(() => oriva.webhooks.recover(id, params), id);
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const what = `${result.count} failed deliver${result.count === 1 ? 'y' : 'ies'}`;
  ctx.write(
    result.dry_run
      ? `${what} of ${safe(id)} in the window would be requeued (dry run: nothing changed)\n`
      : `${ctx.out.green('✔')} Requeued ${what} of ${ctx.out.bold(safe(id))}\n`,
  );
  return 0;
};
