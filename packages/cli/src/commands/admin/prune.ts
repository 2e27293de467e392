import { Option } from '@commander-js/extra-typings';
import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { integer } from '../option-parsers.js';

export const declaration = (admin: Parent) =>
  admin
    .command('prune')
    .description('apply the retention period now: delete old events and webhook delivery logs')
    .addOption(
      new Option(
        '--older-than <days>',
        "prune what is older than this many days (default: the server's ORIVA_RETENTION_DAYS)",
      ).argParser(integer('--older-than', 1, 36_500)),
    )
    .option('--before <time>', 'prune what is older than this ISO-8601 instant instead')
    .addHelpText(
      'after',
      `\nNotifications and pending webhook deliveries are never pruned. On PostgreSQL whole monthly event\npartitions are dropped; on SQLite rows are deleted in batches.\n${ADMIN_HELP}`,
    );

export const adminPrune = defineCommand(declaration, () => import('./prune.run.js'));
