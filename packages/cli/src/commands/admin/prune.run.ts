import { createClient } from '../../client.js';
import { UserError } from '../../errors.js';
import type { Handler } from '../define.js';
import type { declaration } from './prune.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  if (options.olderThan !== undefined && options.before !== undefined) {
    throw new UserError('Give --older-than or --before, not both.');
  }
  const { oriva } = await createClient(ctx, 'admin');
  const result = await oriva.admin.prune({
    ...(options.olderThan !== undefined ? { older_than_days: options.olderThan } : {}),
    ...(options.before !== undefined ? { before: options.before } : {}),
  });
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const partitions = result.partitions_dropped > 0 ? ` (${result.partitions_dropped} monthly partitions dropped)` : '';
  const archives = result.archives_written > 0 ? ` ${result.archives_written} archives written first.` : '';
  ctx.write(
    `${ctx.out.green('✔')} Pruned data older than ${result.cutoff}: ${result.events_deleted} events${partitions}, ${result.deliveries_deleted} webhook deliveries.${archives}\n`,
  );
  return 0;
};
