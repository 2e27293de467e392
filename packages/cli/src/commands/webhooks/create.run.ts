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
    ...(options.signatureScheme === undefined ? {} : { signature_scheme: options.signatureScheme }),
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
  if (result.webhook.signature_scheme === 'ed25519') {
    ctx.write(
      `\n${out.bold('Public key')} (Ed25519, v1a; not a secret)\n  ${safe(result.webhook.public_key ?? '')}\n\n`,
    );
    ctx.write(
      `Verify each delivery with it: verifyEd25519(body, headers, publicKey) from @oriva/webhook-verify, or fetch the app's keys from /api/v1/apps/${safe(result.webhook.app_id)}/webhooks/jwks.\n`,
    );
    return 0;
  }
  ctx.write(`\n${out.bold('Signing secret')} ${out.yellow('(shown once: save it now, it cannot be shown again)')}\n`);
  ctx.write(`  ${safe(result.webhook_secret)}\n\n`);
  ctx.write(
    `Verify each delivery with it (@oriva/webhook-verify). Lost it? \`${ctx.command} webhooks rotate-secret ${safe(result.webhook_id)}\` issues a new one.\n`,
  );
  return 0;
};
