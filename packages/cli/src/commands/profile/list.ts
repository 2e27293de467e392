import { defineCommand, type Parent } from '../define.js';

export const declaration = (profile: Parent) =>
  profile.command('list').description('list saved profiles (secrets masked)');

export const profileList = defineCommand(declaration, () => import('./list.run.js'));
