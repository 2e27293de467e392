import { defineCommand, type Parent } from '../define.js';
import { oneValue } from '../option-parsers.js';
import { withRetryOptions } from './options.js';

export const declaration = (webhooks: Parent) =>
  withRetryOptions(
    webhooks
      .command('create')
      .description("subscribe a URL to the app's events; prints the signing secret once")
      .requiredOption('--url <url>', 'where to deliver: https (http://localhost and 127.0.0.1 in dev mode)')
      .requiredOption(
        '--events <pattern,...>',
        'comma-separated event types or patterns, e.g. notification.dismissed,notification.* or *',
        oneValue,
      )
      .option('--description <text>', 'a note to recognise it by'),
  ).addHelpText(
    'after',
    `
Example:
  $ oriva webhooks create --url https://workbuddy.example/api/oriva-events \\
      --events notification.dismissed,notification.clicked --description production

The signing secret (whsec_…) is shown once: verify every delivery with it (@oriva/webhook-verify).
`,
  );

export const webhooksCreate = defineCommand(declaration, () => import('./create.run.js'));
