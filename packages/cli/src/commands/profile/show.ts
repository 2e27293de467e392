import { defineCommand, type Parent } from '../define.js';

export const declaration = (profile: Parent) =>
  profile
    .command('show')
    .description('show a profile (default: the active one) and the settings in effect, secrets masked')
    .argument('[name]', 'profile name');

export const profileShow = defineCommand(declaration, () => import('./show.run.js'));
