import { defineGroup } from '../define.js';
import { streamTail } from './tail.js';

export const stream = defineGroup('stream', "follow the app's events live over a WebSocket", [streamTail]);
