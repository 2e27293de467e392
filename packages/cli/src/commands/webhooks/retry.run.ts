/**
 * `oriva webhooks retry <id> <delivery_id>`: queues one more attempt of a delivery, then waits for
 * that attempt and prints its outcome (`--no-wait` returns once it is queued). The API has no
 * single-delivery read, so the wait polls the webhook's delivery list, newest first, for the id.
 */
import type { Delivery, Oriva } from '@oriva/sdk';
import type { CommandContext } from '../../context.js';
import { UserError } from '../../errors.js';
import { escapeTerminal as safe } from '../../output.js';
import { stopRequested } from '../../stop-signal.js';
import type { Handler } from '../define.js';
import type { declaration } from './retry.js';
import { onWebhook, printDeliveryTable, webhookClient } from './shared.js';

/** Longer than the longest attempt the server allows (ORIVA_WEBHOOK_TIMEOUT_MS, at most 120 s). */
const WAIT_MS = 150_000;
const POLL_MS = 250;

export const run: Handler<typeof declaration> = async (ctx, [id, deliveryId], options) => {
  const { oriva } = await webhookClient(ctx);
  const { delivery: queued } = await onWebhook(() => oriva.webhooks.deliveries.retry(id, deliveryId), id);
  if (options.wait === false) {
    if (ctx.json) ctx.printJson({ delivery: queued });
    else ctx.write(`Queued another attempt of delivery ${ctx.out.bold(safe(queued.id))}.\n`);
    return 0;
  }

  if (!ctx.json) ctx.note(ctx.err.dim(`Attempting delivery ${safe(queued.id)} again; waiting for the outcome…`));
  const delivery = await nextAttempt(ctx, oriva, id, queued);
  if (ctx.json) {
    ctx.printJson({ delivery });
    return delivery.status === 'succeeded' ? 0 : 1;
  }
  const last = delivery.attempt_log.at(-1);
  const code = last ? (last.status_code === null ? (last.error_message ?? 'error') : `HTTP ${last.status_code}`) : '';
  if (delivery.status === 'succeeded') {
    ctx.write(`${ctx.out.green('✔')} Delivery ${ctx.out.bold(safe(delivery.id))} succeeded (${safe(code)})\n\n`);
  } else {
    const next = delivery.status === 'pending' ? '; more attempts follow' : '';
    ctx.write(
      `${ctx.out.red('✖')} Delivery ${ctx.out.bold(safe(delivery.id))} failed again (${safe(code)})${next}\n\n`,
    );
  }
  printDeliveryTable(ctx, [delivery]);
  return delivery.status === 'succeeded' ? 0 : 1;
};

/** Polls until the delivery has one attempt more than when it was queued. */
async function nextAttempt(ctx: CommandContext, oriva: Oriva, webhookId: string, queued: Delivery): Promise<Delivery> {
  const stop = stopRequested(ctx);
  let stopped = false;
  void stop.wait.then(() => {
    stopped = true;
  });
  const deadline = Date.now() + WAIT_MS;
  try {
    for (;;) {
      const current = await findDelivery(oriva, webhookId, queued.id);
      if (current && current.attempts > queued.attempts) return current;
      if (stopped || Date.now() > deadline) {
        throw new UserError(`no outcome yet for delivery ${queued.id}: the attempt is still queued`, {
          hint: `\`${ctx.command} webhooks deliveries ${webhookId}\` shows it once made`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    stop.dispose();
  }
}

async function findDelivery(oriva: Oriva, webhookId: string, deliveryId: string): Promise<Delivery | undefined> {
  const first = await oriva.webhooks.deliveries.list(webhookId, { limit: 100 });
  for await (const page of first.iterPages()) {
    const found = page.data.find((delivery) => delivery.id === deliveryId);
    if (found) return found;
  }
  return undefined;
}
