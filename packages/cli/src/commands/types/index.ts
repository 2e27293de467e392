import { defineGroup } from '../define.js';
import { typesGenerate } from './generate.js';

export const types = defineGroup('types', 'TypeScript types for the event catalogue', [typesGenerate]);
