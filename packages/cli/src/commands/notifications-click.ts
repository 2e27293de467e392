import type { UserFlags } from '../client.js';
import type { CommandContext } from '../context.js';
import { setStatus } from './notifications-shared.js';

export interface Options extends UserFlags {
  action?: string;
}

export async function run(ctx: CommandContext, [id]: [string], options: Options) {
  return setStatus(ctx, id, 'clicked', options, options.action === undefined ? {} : { click_action: options.action });
}
