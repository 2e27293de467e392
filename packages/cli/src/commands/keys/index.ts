import { defineGroup } from '../define.js';
import { keysCreate } from './create.js';
import { keysList } from './list.js';
import { keysRevoke } from './revoke.js';

export const keys = defineGroup('keys', "manage an app's API keys (admin token or the app's key)", [
  keysCreate,
  keysList,
  keysRevoke,
]);
