import { escapeTerminal as safe, shortTime } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './rotate-signing-key.js';
import { graceSeconds, onWebhook, webhookClient } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  const params = options.grace === undefined ? {} : { grace_period_seconds: graceSeconds(options.grace) };
  const { oriva } = await webhookClient(ctx);
  const result = await onWebhook(() => oriva.webhooks.rotateSigningKey(id, params), id);
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const { out } = ctx;
  ctx.write(`${out.green('✔')} New signing key for webhook ${out.bold(safe(id))}\n\n`);
  ctx.write(`${out.bold('Public key')} (not a secret) ${safe(result.public_key)}\n  kid ${safe(result.kid)}\n\n`);
  ctx.write(
    result.previous_key_expires_at
      ? `The old key keeps signing too, and stays in the JWKS, until ${shortTime(result.previous_key_expires_at)}.\n`
      : 'The old key no longer signs deliveries.\n',
  );
  return 0;
};
