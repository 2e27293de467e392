import type { Handler } from '../define.js';
import type { declaration } from './dismiss.js';
import { setStatus } from './shared.js';

export const run: Handler<typeof declaration> = (ctx, [id], options) =>
  setStatus(ctx, id, 'dismissed', options, options.from === undefined ? {} : { dismissed_from: options.from });
