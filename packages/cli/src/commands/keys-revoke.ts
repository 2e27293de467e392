import { createClient } from '../client.js';
import type { CommandContext } from '../context.js';

export async function run(ctx: CommandContext, [appId, keyId]: [string, string]) {
  const { oriva } = await createClient(ctx, 'admin-or-app');
  await oriva.apps.keys.revoke(appId, keyId);
  if (ctx.json) {
    ctx.printJson({ success: true, app_id: appId, key_id: keyId, revoked: true });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Revoked key ${keyId} of ${appId}: it stops working on the next request.\n`);
  return 0;
}
