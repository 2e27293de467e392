import type { Handler } from '../define.js';
import type { declaration } from './read.js';
import { setStatus } from './shared.js';

export const run: Handler<typeof declaration> = (ctx, [id], options) => setStatus(ctx, id, 'read', options);
