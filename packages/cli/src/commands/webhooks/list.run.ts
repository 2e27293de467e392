import type { Handler } from '../define.js';
import type { declaration } from './list.js';
import { printWebhookTable, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx) => {
  const { oriva } = await webhookClient(ctx);
  const { webhooks } = await oriva.webhooks.list();
  if (ctx.json) {
    ctx.printJson({ webhooks, count: webhooks.length });
    return 0;
  }
  if (webhooks.length === 0) {
    ctx.write(`No webhooks yet: \`${ctx.command} webhooks create --url <url> --events <pattern,...>\` adds one\n`);
    return 0;
  }
  printWebhookTable(ctx, webhooks);
  ctx.write(`${webhooks.length} webhook${webhooks.length === 1 ? '' : 's'}\n`);
  return 0;
};
