import { escapeTerminal as safe, shortTime } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './rotate-secret.js';
import { graceSeconds, onWebhook, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  const params = options.grace === undefined ? {} : { grace_period_seconds: graceSeconds(options.grace) };
  const { oriva } = await webhookClient(ctx);
  const result = await onWebhook(() => oriva.webhooks.rotateSecret(id, params), id);
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const { out } = ctx;
  ctx.write(`${out.green('✔')} New signing secret for webhook ${out.bold(safe(id))}\n\n`);
  ctx.write(`${out.bold('Signing secret')} ${out.yellow('(shown once: save it now, it cannot be shown again)')}\n`);
  ctx.write(`  ${safe(result.webhook_secret)}\n\n`);
  ctx.write(
    result.previous_secret_expires_at
      ? `The old secret keeps signing too until ${shortTime(result.previous_secret_expires_at)}: switch the receiver before then.\n`
      : 'The old secret no longer signs deliveries.\n',
  );
  return 0;
};
