import { createClient } from '../../client.js';
import type { Handler } from '../define.js';
import type { declaration } from './revoke.js';

export const run: Handler<typeof declaration> = async (ctx, [appId, keyId]) => {
  const { oriva } = await createClient(ctx, 'admin-or-app');
  await oriva.apps.keys.revoke(appId, keyId);
  if (ctx.json) {
    ctx.printJson({ success: true, app_id: appId, key_id: keyId, revoked: true });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Revoked key ${keyId} of ${appId}: it stops working on the next request.\n`);
  return 0;
};
