import { createUserClient } from '../../client.js';
import type { Handler } from '../define.js';
import type { declaration } from './get.js';
import { printPreferences } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const { oriva } = await createUserClient(ctx, options);
  const result = await oriva.preferences.get();
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  printPreferences(ctx, result);
  return 0;
};
