import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer } from '../option-parsers.js';

export const declaration = (eventTypes: Parent) =>
  eventTypes
    .command('show')
    .description("show one of the app's event types: schema, examples and versions")
    .argument('<name>', 'the qualified type, e.g. session.ended')
    .addOption(
      // Not `--version`: the program's own `--version` (print oriva's version) wins wherever it is written.
      new Option('--schema-version <n>', 'an earlier version of the type (default: the latest)').argParser(
        integer('--schema-version', 1, 1_000_000),
      ),
    );

export const eventTypesShow = defineCommand(declaration, () => import('./show.run.js'));
