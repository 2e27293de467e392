import type { UserFlags } from '../client.js';
import type { CommandContext } from '../context.js';
import { setStatus } from './notifications-shared.js';

export interface Options extends UserFlags {
  from?: string;
}

export async function run(ctx: CommandContext, [id]: [string], options: Options) {
  return setStatus(ctx, id, 'dismissed', options, options.from === undefined ? {} : { dismissed_from: options.from });
}
