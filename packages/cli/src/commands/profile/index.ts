import { defineGroup } from '../define.js';
import { profileList } from './list.js';
import { profileSet } from './set.js';
import { profileShow } from './show.js';

export const profile = defineGroup('profile', 'saved settings in the config file', [
  profileSet,
  profileList,
  profileShow,
]);
