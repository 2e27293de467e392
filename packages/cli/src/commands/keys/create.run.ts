import { createClient } from '../../client.js';
import { formatPairs } from '../../output.js';
import { describeKey } from '../apps/describe.js';
import type { Handler } from '../define.js';
import type { declaration } from './create.js';

export const run: Handler<typeof declaration> = async (ctx, [appId], options) => {
  const { oriva } = await createClient(ctx, 'admin-or-app');
  const result = await oriva.apps.keys.create(appId, options.name === undefined ? {} : { name: options.name });
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const { out } = ctx;
  ctx.write(`${out.green('✔')} Issued a new key for ${out.bold(appId)}\n\n`);
  ctx.write(`${out.bold('API key')} ${out.yellow('(shown once: only its hash is stored, copy it now)')}\n`);
  ctx.write(`  ${result.api_key.key}\n\n`);
  ctx.write(formatPairs(describeKey(result.api_key), out.dim));
  ctx.write(`\nRotating? Switch your app to the new key, then: ${ctx.command} keys revoke ${appId} <old key id>\n`);
  return 0;
};
