import type { Delivery, Webhook } from '@oriva/sdk';
import type { CommandContext } from '../../context.js';
import { UserError } from '../../errors.js';
import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import { onWebhook, webhookClient } from './shared.js';
import type { declaration } from './test.js';

/** Longest wait for the first attempt: the server's attempt timeout (15 s by default) and some. */
const WAIT_FOR_ATTEMPT_MS = 30_000;
const POLL_MS = 250;

/**
 * Sends a `webhook.test` and waits for its first attempt, so what is printed is what the receiver
 * answered, not that a delivery was queued. A disabled webhook is tested too (and stays disabled):
 * that is how an operator checks a receiver before re-enabling it. Exit 1 unless it answered 2xx.
 */
export const run: Handler<typeof declaration> = async (ctx, [id]) => {
  const { oriva } = await webhookClient(ctx);
  const { webhook } = await onWebhook(() => oriva.webhooks.retrieve(id), id);
  const result = await onWebhook(() => oriva.webhooks.test(id), id);
  const delivery = await firstAttempt(ctx, () =>
    onWebhook(async () => {
      const page = await oriva.webhooks.deliveries.list(id, { event_type: 'webhook.test', limit: 20 });
      return page.data.find((item) => item.id === result.delivery_id);
    }, id),
  );
  const attempt = delivery?.attempt_log[0];
  const delivered = attempt?.success === true;
  const seeLog = `oriva webhooks deliveries ${safe(id)} --type webhook.test`;

  if (ctx.json) {
    ctx.printJson({ ...result, webhook_is_active: webhook.is_active, delivered, delivery: delivery ?? null });
    return delivered ? 0 : 1;
  }
  if (!webhook.is_active) ctx.note(disabledNote(ctx, webhook));
  if (!attempt) {
    throw new UserError(
      `webhook.test to ${safe(id)} is queued (delivery ${safe(result.delivery_id)}) but was not attempted within ${WAIT_FOR_ATTEMPT_MS / 1000} s`,
      { hint: `see how it went later: ${seeLog}` },
    );
  }
  const answer =
    attempt.status_code === null ? safe(attempt.error_message ?? 'no answer') : `HTTP ${attempt.status_code}`;
  const time = attempt.response_time_ms === null ? '' : ` in ${attempt.response_time_ms} ms`;
  if (!delivered) {
    const retrying = delivery!.status === 'pending' ? '; it will be retried' : '';
    throw new UserError(
      `webhook.test to ${safe(id)} failed: ${answer}${time} (delivery ${safe(result.delivery_id)})${retrying}`,
      { hint: `the receiver's answer is in the log: ${seeLog}` },
    );
  }
  ctx.write(
    `${ctx.out.green('✔')} Delivered webhook.test to ${ctx.out.bold(safe(id))}: ${answer}${time} (delivery ${safe(result.delivery_id)})\n`,
  );
  return 0;
};

function disabledNote(ctx: CommandContext, webhook: Webhook): string {
  const reason = webhook.disabled_reason ? ` (${safe(webhook.disabled_reason)})` : '';
  return `${ctx.err.yellow('!')} ${safe(webhook.id)} is disabled${reason}: the test is sent anyway and it stays disabled; once the receiver answers, re-enable it with: oriva webhooks update ${safe(webhook.id)} --enable`;
}

/** Polls until the delivery has an attempt (or the wait ends): the delivery then, or as last seen. */
async function firstAttempt(
  ctx: CommandContext,
  read: () => Promise<Delivery | undefined>,
): Promise<Delivery | undefined> {
  const deadline = Date.now() + WAIT_FOR_ATTEMPT_MS;
  for (;;) {
    const delivery = await read();
    if ((delivery && delivery.attempt_log.length > 0) || Date.now() >= deadline || ctx.signal?.aborted) {
      return delivery;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
