import { onOneApp } from '../apps/options.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (keys: Parent) =>
  onOneApp(keys, 'create', 'issue another API key, e.g. to rotate (the key is shown once)').option(
    '--name <name>',
    'a label to recognise the key by, e.g. production',
  );

export const keysCreate = defineCommand(declaration, () => import('./create.run.js'));
