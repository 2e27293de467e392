import type { Handler } from '../define.js';
import { describeWebhook, onWebhook, webhookClient } from './shared.js';
import type { declaration } from './show.js';

export const run: Handler<typeof declaration> = async (ctx, [id]) => {
  const { oriva } = await webhookClient(ctx);
  const { webhook } = await onWebhook(() => oriva.webhooks.retrieve(id), id);
  if (ctx.json) {
    ctx.printJson({ webhook });
    return 0;
  }
  ctx.write(describeWebhook(webhook, ctx.out));
  return 0;
};
