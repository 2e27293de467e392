import { onOneApp } from '../apps/options.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (keys: Parent) =>
  onOneApp(keys, 'list', "list an app's keys (prefixes only, never the secrets)");

export const keysList = defineCommand(declaration, () => import('./list.run.js'));
