import type { CommandContext } from '../context.js';
import { describeWebhook, onWebhook, webhookClient } from './webhooks-shared.js';

export async function run(ctx: CommandContext, [id]: [string], _options: object) {
  const { oriva } = await webhookClient(ctx);
  const { webhook } = await onWebhook(() => oriva.webhooks.retrieve(id), id);
  if (ctx.json) {
    ctx.printJson({ webhook });
    return 0;
  }
  ctx.write(describeWebhook(webhook, ctx.out));
  return 0;
}
