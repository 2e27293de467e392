import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { oneValue } from '../option-parsers.js';
import { onOneWebhook, withRetryOptions } from './options.js';

export const declaration = (webhooks: Parent) =>
  withRetryOptions(
    onOneWebhook(webhooks, 'update', 'change a webhook; --enable re-enables one disabled after failures')
      .option('--url <url>', 'the new URL')
      .option(
        '--events <pattern,...>',
        'the new comma-separated event types or patterns (replaces the old list)',
        oneValue,
      )
      .option('--description <text>', 'a new note ("" removes it)')
      .addOption(new Option('--enable', 'activate it (and reset its failure count)').conflicts('disable'))
      .addOption(new Option('--disable', 'pause deliveries').conflicts('enable')),
  );

export const webhooksUpdate = defineCommand(declaration, () => import('./update.run.js'));
