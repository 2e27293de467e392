import type { CommandContext } from '../context.js';
import { escapeTerminal as safe } from '../output.js';
import { onWebhook, webhookClient } from './webhooks-shared.js';

export async function run(ctx: CommandContext, [id]: [string], _options: object) {
  const { oriva } = await webhookClient(ctx);
  await onWebhook(() => oriva.webhooks.delete(id), id);
  if (ctx.json) {
    ctx.printJson({ success: true, webhook_id: id, deleted: true });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Deleted webhook ${ctx.out.bold(safe(id))} and its pending deliveries\n`);
  return 0;
}
