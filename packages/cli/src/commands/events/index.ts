import { defineGroup } from '../define.js';
import { eventsList } from './list.js';
import { eventsReplay } from './replay.js';
import { eventsSend } from './send.js';

export const events = defineGroup('events', 'publish and query events (app API key)', [
  eventsSend,
  eventsList,
  eventsReplay,
]);
