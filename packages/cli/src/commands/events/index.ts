import { defineGroup } from '../define.js';
import { eventsList } from './list.js';
import { eventsPoll } from './poll.js';
import { eventsSend } from './send.js';

export const events = defineGroup('events', 'publish, query and poll events (app API key)', [
  eventsSend,
  eventsList,
  eventsPoll,
]);
