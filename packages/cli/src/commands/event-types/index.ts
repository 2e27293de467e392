import { defineGroup } from '../define.js';
import { eventTypesList } from './list.js';
import { eventTypesPush } from './push.js';
import { eventTypesShow } from './show.js';

export const eventTypes = defineGroup(
  'event-types',
  "declare the app's event types (a JSON Schema for event_data each) from files in its repository",
  [eventTypesPush, eventTypesList, eventTypesShow],
);
