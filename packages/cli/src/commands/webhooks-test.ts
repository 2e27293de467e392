import type { CommandContext } from '../context.js';
import { escapeTerminal as safe } from '../output.js';
import { onWebhook, webhookClient } from './webhooks-shared.js';

export async function run(ctx: CommandContext, [id]: [string], _options: object) {
  const { oriva } = await webhookClient(ctx);
  const result = await onWebhook(() => oriva.webhooks.test(id), id);
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  ctx.write(
    `${ctx.out.green('✔')} Sent a webhook.test event to ${ctx.out.bold(safe(id))} (delivery ${safe(result.delivery_id)})\n`,
  );
  ctx.write(`See how it went: oriva webhooks deliveries ${safe(id)} --type webhook.test\n`);
  return 0;
}
