import { createClient } from '../../client.js';
import { formatTable, shortTime } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './list.js';

export const run: Handler<typeof declaration> = async (ctx) => {
  const { oriva } = await createClient(ctx, 'admin');
  const { apps } = await oriva.apps.list();
  if (ctx.json) {
    ctx.printJson({ apps });
    return 0;
  }
  if (apps.length === 0) {
    ctx.write(`No apps yet. Register one with \`${ctx.command} apps create <app_id> --name <name>\`.\n`);
    return 0;
  }
  ctx.write(
    formatTable(
      ['APP ID', 'NAME', 'CREATED'],
      apps.map((app) => [app.app_id, app.name, shortTime(app.created_at)]),
      { headerStyle: ctx.out.bold, maxCellWidth: 60 },
    ),
  );
  return 0;
};
