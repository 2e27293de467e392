import type { UpdateWebhookRequest } from '@oriva/sdk';
import { UsageError } from '../../errors.js';
import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import { describeWebhook, onWebhook, parseEvents, webhookClient } from './shared.js';
import type { declaration } from './update.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  if (options.enable && options.disable) throw new UsageError('use --enable or --disable, not both');
  const params: UpdateWebhookRequest = {
    ...(options.url === undefined ? {} : { webhook_url: options.url }),
    ...(options.events === undefined ? {} : { subscribed_events: parseEvents(options.events) }),
    ...(options.description === undefined
      ? {}
      : { description: options.description === '' ? null : options.description }),
    ...(options.enable ? { is_active: true } : {}),
    ...(options.disable ? { is_active: false } : {}),
    ...(options.maxRetries === undefined ? {} : { max_retries: options.maxRetries }),
    ...(options.backoffSeconds === undefined ? {} : { retry_backoff_seconds: options.backoffSeconds }),
  };
  if (Object.keys(params).length === 0) {
    throw new UsageError('nothing to change', {
      hint: 'pass --url, --events, --description, --enable, --disable, --max-retries or --backoff-seconds',
    });
  }
  const { oriva } = await webhookClient(ctx);
  const { webhook } = await onWebhook(() => oriva.webhooks.update(id, params), id);
  if (ctx.json) {
    ctx.printJson({ webhook });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Updated webhook ${ctx.out.bold(safe(webhook.id))}\n\n`);
  ctx.write(describeWebhook(webhook, ctx.out));
  return 0;
};
