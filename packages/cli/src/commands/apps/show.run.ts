import { createClient } from '../../client.js';
import { formatPairs } from '../../output.js';
import type { Handler } from '../define.js';
import { describeApp } from './describe.js';
import type { declaration } from './show.js';

export const run: Handler<typeof declaration> = async (ctx, [appId]) => {
  const { oriva } = await createClient(ctx, 'admin-or-app');
  const { app } = await oriva.apps.retrieve(appId);
  if (ctx.json) {
    ctx.printJson({ app });
    return 0;
  }
  ctx.write(formatPairs(describeApp(app), ctx.out.dim));
  return 0;
};
