import type { CreateWebhookRequest } from '@oriva/sdk';
import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './create.js';
import { describeWebhook, onWebhook, parseEvents, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const params: CreateWebhookRequest = {
    webhook_url: options.url,
    subscribed_events: parseEvents(options.events),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.maxRetries === undefined ? {} : { max_retries: options.maxRetries }),
    ...(options.backoffSeconds === undefined ? {} : { retry_backoff_seconds: options.backoffSeconds }),
  };
  const { oriva } = await webhookClient(ctx);
  const result = await onWebhook(() => oriva.webhooks.create(params));
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const { out } = ctx;
  ctx.write(`${out.green('✔')} Created webhook ${out.bold(safe(result.webhook_id))}\n\n`);
  ctx.write(describeWebhook(result.webhook, out));
  ctx.write(`\n${out.bold('Signing secret')} ${out.yellow('(shown once: save it now, it cannot be shown again)')}\n`);
  ctx.write(`  ${safe(result.webhook_secret)}\n\n`);
  ctx.write(
    `Verify each delivery with it (@oriva/webhook-verify). Lost it? \`${ctx.command} webhooks rotate-secret ${safe(result.webhook_id)}\` issues a new one.\n`,
  );
  return 0;
};
