import { defineGroup } from '../define.js';
import { adminPrune } from './prune.js';

export const admin = defineGroup('admin', 'server operations (admin token)', [adminPrune]);
