import { onOneApp } from '../apps/options.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (keys: Parent) =>
  onOneApp(keys, 'revoke', 'revoke a key: it stops working on the next request').argument(
    '<key_id>',
    'key id (key_…), see `oriva keys list`',
  );

export const keysRevoke = defineCommand(declaration, () => import('./revoke.run.js'));
