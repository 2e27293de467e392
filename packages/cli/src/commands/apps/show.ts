import { defineCommand, type Parent } from '../define.js';
import { onOneApp } from './options.js';

export const declaration = (apps: Parent) =>
  onOneApp(apps, 'show', "show one app (admin token, or that app's API key)");

export const appsShow = defineCommand(declaration, () => import('./show.run.js'));
