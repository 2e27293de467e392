import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (archive: Parent) =>
  archive
    .command('list')
    .description('list the event archives retention wrote before pruning (ORIVA_ARCHIVE_DIR)')
    .addHelpText(
      'after',
      `\nOne gzipped NDJSON file per app and month, with a manifest (rows, positions, SHA-256). A file\nmarked incomplete was interrupted mid-archive: retention deleted nothing it holds.\n${ADMIN_HELP}`,
    );

export const adminArchiveList = defineCommand(declaration, () => import('./archive-list.run.js'));
