/** `oriva events replay <event_id> --webhook <id>`: queues a replay of one stored event to one webhook. */
import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import { onWebhook, webhookClient } from '../webhooks/shared.js';
import type { declaration } from './replay.js';

export const run: Handler<typeof declaration> = async (ctx, [eventId], options) => {
  const { oriva } = await webhookClient(ctx);
  const { delivery } = await onWebhook(() => oriva.events.replay(eventId, { webhookId: options.webhook }));
  if (ctx.json) ctx.printJson({ delivery });
  else {
    ctx.write(
      `Queued a replay of ${ctx.out.bold(safe(delivery.event_id))} to ${safe(delivery.webhook_id)} (delivery ${safe(delivery.id)}).\n`,
    );
  }
  return 0;
};
