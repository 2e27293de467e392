import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './delete.js';
import { onWebhook, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [id]) => {
  const { oriva } = await webhookClient(ctx);
  await onWebhook(() => oriva.webhooks.delete(id), id);
  if (ctx.json) {
    ctx.printJson({ success: true, webhook_id: id, deleted: true });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Deleted webhook ${ctx.out.bold(safe(id))} and its pending deliveries\n`);
  return 0;
};
