import { defineGroup } from '../define.js';
import { adminPrune } from './prune.js';
import { adminUsersDelete } from './users-delete.js';

export const admin = defineGroup('admin', 'server operations (admin token)', [
  adminPrune,
  defineGroup('users', "users' data on the server (admin token)", [adminUsersDelete]),
]);
