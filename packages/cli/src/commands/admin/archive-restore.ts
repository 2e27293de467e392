import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (archive: Parent) =>
  archive
    .command('restore')
    .description("put an archive's events back, with their original ids and positions")
    .argument('<file>', 'the archive, by its name as `oriva admin archive list` prints it')
    .addHelpText(
      'after',
      `\nThe server checks the file's SHA-256 against its manifest first; a corrupt or incomplete archive\ninserts nothing. Events already present are skipped, so restoring twice adds nothing. Restored\nevents are older than the retention period: the next retention run deletes them again.\n${ADMIN_HELP}`,
    );

export const adminArchiveRestore = defineCommand(declaration, () => import('./archive-restore.run.js'));
