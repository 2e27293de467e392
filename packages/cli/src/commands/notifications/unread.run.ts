import type { Handler } from '../define.js';
import { setStatus } from './shared.js';
import type { declaration } from './unread.js';

export const run: Handler<typeof declaration> = (ctx, [id], options) => setStatus(ctx, id, 'unread', options);
