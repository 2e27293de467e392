import { createClient } from '../../client.js';
import { formatTable } from '../../output.js';
import { keyRow } from '../apps/describe.js';
import type { Handler } from '../define.js';
import type { declaration } from './list.js';

export const run: Handler<typeof declaration> = async (ctx, [appId]) => {
  const { oriva } = await createClient(ctx, 'admin-or-app');
  const { api_keys: keys } = await oriva.apps.keys.list(appId);
  if (ctx.json) {
    ctx.printJson({ api_keys: keys });
    return 0;
  }
  if (keys.length === 0) {
    ctx.write(`App ${appId} has no keys. Issue one with \`${ctx.command} keys create ${appId}\`.\n`);
    return 0;
  }
  ctx.write(
    formatTable(['KEY ID', 'NAME', 'PREFIX', 'CREATED', 'STATUS'], keys.map(keyRow), {
      headerStyle: ctx.out.bold,
      maxCellWidth: 60,
    }),
  );
  return 0;
};
