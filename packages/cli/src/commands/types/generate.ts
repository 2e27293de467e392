import { defineCommand, type Parent } from '../define.js';

export const declaration = (types: Parent) =>
  types
    .command('generate')
    .description('write a .d.ts with an interface per catalogued event type and the OrivaEventMap')
    .requiredOption('--out <file.d.ts>', 'the file to write (its directory must exist)')
    .option('--app <app_id>', "only this app's types (default: every app's and the platform's)")
    .addHelpText(
      'after',
      `
Examples:
  $ oriva types generate --out src/oriva-events.d.ts
  $ oriva types generate --out src/work-buddy-events.d.ts --app work-buddy

The file exports one interface per type (session.ended → SessionEnded), compiled from its JSON
Schema, and
  export interface OrivaEventMap { 'session.ended': SessionEnded; … }
which new Oriva<OrivaEventMap>() and @oriva/webhook-verify take as a type parameter. Only local
$refs are followed; nothing is fetched. See docs/event-types.md.
`,
    );

export const typesGenerate = defineCommand(declaration, () => import('./generate.run.js'));
