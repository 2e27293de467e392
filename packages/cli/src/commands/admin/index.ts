import { defineGroup } from '../define.js';
import { adminArchiveList } from './archive-list.js';
import { adminArchiveRestore } from './archive-restore.js';
import { adminPrune } from './prune.js';
import { adminUsersDelete } from './users-delete.js';

export const admin = defineGroup('admin', 'server operations (admin token)', [
  adminPrune,
  defineGroup('archive', 'event archives written before pruning (admin token)', [
    adminArchiveList,
    adminArchiveRestore,
  ]),
  defineGroup('users', "users' data on the server (admin token)", [adminUsersDelete]),
]);
