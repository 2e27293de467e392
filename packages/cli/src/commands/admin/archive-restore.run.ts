import { createClient } from '../../client.js';
import type { Handler } from '../define.js';
import type { declaration } from './archive-restore.js';

export const run: Handler<typeof declaration> = async (ctx, [file], _options) => {
  const { oriva } = await createClient(ctx, 'admin');
  const result = await oriva.admin.archives.restore(file);
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const skipped = result.rows - result.restored;
  ctx.write(
    `${ctx.out.green('✔')} Restored ${result.restored} of ${result.rows} events from ${file}${skipped > 0 ? ` (${skipped} were already present)` : ''}.\n`,
  );
  return 0;
};
