import type { UserFlags } from '../client.js';
import type { CommandContext } from '../context.js';
import { setStatus } from './notifications-shared.js';

export async function run(ctx: CommandContext, [id]: [string], options: UserFlags) {
  return setStatus(ctx, id, 'read', options);
}
