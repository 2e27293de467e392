import { defineCommand, type Parent } from '../define.js';

export const declaration = (eventTypes: Parent) =>
  eventTypes.command('list').description('list the event types the app declared, latest versions');

export const eventTypesList = defineCommand(declaration, () => import('./list.run.js'));
