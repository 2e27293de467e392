import type { Handler } from '../define.js';
import type { declaration } from './click.js';
import { setStatus } from './shared.js';

export const run: Handler<typeof declaration> = (ctx, [id], options) =>
  setStatus(ctx, id, 'clicked', options, options.action === undefined ? {} : { click_action: options.action });
