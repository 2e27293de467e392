import type { CommandContext } from '../context.js';
import { escapeTerminal as safe } from '../output.js';
import { onWebhook, printDeliveryTable, webhookClient } from './webhooks-shared.js';

export async function run(ctx: CommandContext, [id, deliveryId]: [string, string], _options: object) {
  const { oriva } = await webhookClient(ctx);
  const { delivery } = await onWebhook(() => oriva.webhooks.deliveries.retry(id, deliveryId), id);
  if (ctx.json) {
    ctx.printJson({ delivery });
    return 0;
  }
  const ok = delivery.status === 'succeeded';
  ctx.write(
    `${ok ? ctx.out.green('✔') : ctx.out.yellow('!')} Retried delivery ${ctx.out.bold(safe(delivery.id))}: ${safe(delivery.status)}\n\n`,
  );
  printDeliveryTable(ctx, [delivery]);
  return 0;
}
