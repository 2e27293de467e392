import { createClient } from '../client.js';
import type { CommandContext } from '../context.js';
import { formatTable, shortTime } from '../output.js';

export async function run(ctx: CommandContext) {
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
}
