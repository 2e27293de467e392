import { defineGroup } from '../define.js';
import { eventsList } from './list.js';
import { eventsPoll } from './poll.js';
import { eventsReplay } from './replay.js';
import { eventsSend } from './send.js';

export const events = defineGroup('events', 'publish, query, poll and replay events (app API key)', [
  eventsSend,
  eventsList,
  eventsPoll,
  eventsReplay,
]);
