import type { Delivery, DeliveryListParams } from '@oriva/sdk';
import { UsageError } from '../../errors.js';
import type { Handler } from '../define.js';
import { pageSize } from '../paging.js';
import { DELIVERY_PAGES, type declaration } from './deliveries.js';
import { onWebhook, printDeliveryTable, timeBound, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  if (options.failed && options.succeeded) {
    throw new UsageError('use --failed or --succeeded, not both', { hint: 'without either, every delivery is listed' });
  }
  const query: DeliveryListParams = {
    ...(options.failed ? { success: false } : {}),
    ...(options.succeeded ? { success: true } : {}),
    ...(options.type === undefined ? {} : { event_type: options.type }),
    ...(options.since === undefined ? {} : { since: timeBound('--since', options.since) }),
    limit: pageSize(options, DELIVERY_PAGES),
  };
  const { oriva } = await webhookClient(ctx);
  const first = await onWebhook(() => oriva.webhooks.deliveries.list(id, query), id);

  if (options.all) {
    const deliveries: Delivery[] = [];
    for await (const page of first.iterPages()) deliveries.push(...page.data);
    if (ctx.json) {
      ctx.printJson({ deliveries, count: deliveries.length });
      return 0;
    }
    printDeliveryTable(ctx, deliveries);
    ctx.write(`${plural(deliveries.length)}\n`);
    return 0;
  }

  if (ctx.json) {
    ctx.printJson({ deliveries: first.data, pagination: first.pagination });
    return 0;
  }
  printDeliveryTable(ctx, first.data);
  ctx.write(
    first.hasNextPage()
      ? ctx.out.dim(`${plural(first.data.length)}, newest first; more follow: --all shows every one\n`)
      : `${plural(first.data.length)}\n`,
  );
  return 0;
};

function plural(count: number): string {
  return `${count} deliver${count === 1 ? 'y' : 'ies'}`;
}
