import { defineGroup } from '../define.js';
import { serverStart } from './start.js';

export const server = defineGroup('server', 'run the Oriva server', [serverStart]);
