import { Option } from '@commander-js/extra-typings';
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
      .option('--description <text>', 'a note to recognise it by')
      .addOption(
        new Option(
          '--signature-scheme <scheme>',
          'hmac (v1, a shared whsec_ secret; the default) or ed25519 (v1a, verified with a published whpk_ public key)',
        ).choices(['hmac', 'ed25519'] as const),
      ),
  ).addHelpText(
    'after',
    `
Example:
  $ oriva webhooks create --url https://workbuddy.example/api/oriva-events \\
      --events notification.dismissed,notification.clicked --description production

  $ oriva webhooks create --url https://workbuddy.example/api/oriva-events --events '*' --signature-scheme ed25519

The signing secret (whsec_…) is shown once: verify every delivery with it (@oriva/webhook-verify).
With --signature-scheme ed25519 deliveries carry v1a signatures instead: verify them with the public key shown
(whpk_…), or with the app's JWKS at /api/v1/apps/<app_id>/webhooks/jwks; no secret needs sharing.
`,
  );

export const webhooksCreate = defineCommand(declaration, () => import('./create.run.js'));
