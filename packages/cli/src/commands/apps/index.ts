import { defineGroup } from '../define.js';
import { appsCreate } from './create.js';
import { appsList } from './list.js';
import { appsShow } from './show.js';

export const apps = defineGroup('apps', 'register and inspect apps (admin)', [appsCreate, appsList, appsShow]);
