/**
 * Writes docs/cli.md from the commander declarations (packages/cli/src/program.ts and src/commands/).
 * src/reference.test.ts fails when the checked-in file drifts from what this script would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCliReference } from '../src/reference.js';

const target = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));
writeFileSync(target, renderCliReference());
console.log('wrote docs/cli.md');
