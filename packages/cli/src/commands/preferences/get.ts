import { actingAsUser, USER_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (preferences: Parent) =>
  actingAsUser(preferences.command('get').description("show the user's muted apps and types"), USER_HELP);

export const preferencesGet = defineCommand(declaration, () => import('./get.run.js'));
