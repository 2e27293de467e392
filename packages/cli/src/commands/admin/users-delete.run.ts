import { createClient } from '../../client.js';
import type { Handler } from '../define.js';
import type { declaration } from './users-delete.js';

export const run: Handler<typeof declaration> = async (ctx, [userId], _options) => {
  const { oriva } = await createClient(ctx, 'admin');
  const result = await oriva.admin.deleteUser(userId);
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const told = result.notified_apps.length > 0 ? result.notified_apps.join(', ') : 'no app knew them';
  ctx.write(
    `${ctx.out.green('✔')} Erased ${userId}: ${result.notifications_deleted} notifications, ${result.events_deleted} events, ${result.deliveries_deleted} webhook deliveries${result.preferences_deleted ? ', their preferences' : ''}; ${result.stream_connections_closed} stream connections closed. user.deleted sent to: ${told}.\n`,
  );
  return 0;
};
