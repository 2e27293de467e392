import { createClient } from '../../client.js';
import { formatTable } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './archive-list.js';

export const run: Handler<typeof declaration> = async (ctx, _args, _options) => {
  const { oriva } = await createClient(ctx, 'admin');
  const { data } = await oriva.admin.archives.list();
  if (ctx.json) {
    ctx.printJson({ data });
    return 0;
  }
  if (data.length === 0) {
    ctx.write('No archives yet: retention writes one per app and month before it deletes events.\n');
    return 0;
  }
  const rows = data.map((archive) => [
    archive.file,
    archive.complete ? 'complete' : ctx.out.yellow('incomplete'),
    archive.rows === null ? '' : String(archive.rows),
    archive.bytes === null ? '' : String(archive.bytes),
    archive.created_at ?? '',
  ]);
  ctx.write(formatTable(['FILE', 'STATE', 'EVENTS', 'BYTES', 'ARCHIVED AT'], rows, { headerStyle: ctx.out.bold }));
  return 0;
};
