import type { CommandContext } from '../context.js';
import { printWebhookTable, webhookClient } from './webhooks-shared.js';

export async function run(ctx: CommandContext, _args: [], _options: object) {
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
}
