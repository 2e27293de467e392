import { defineGroup } from '../define.js';
import { preferencesGet } from './get.js';
import { preferencesSet } from './set.js';

export const preferences = defineGroup(
  'preferences',
  "a user's notification preferences: muted apps and types (--as-user, --token)",
  [preferencesGet, preferencesSet],
);
