import { defineGroup } from '../define.js';
import { usersToken } from './token.js';

export const users = defineGroup('users', 'user tokens for a local server', [usersToken]);
