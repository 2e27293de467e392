import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { collect, integer, oneValue } from '../option-parsers.js';

export const declaration = (program: Parent) =>
  program
    .command('listen')
    .description("forward the app's events to a local URL as signed webhooks, until Ctrl-C")
    .option('--forward-to <url>', 'where to POST every event (same as --forward *=<url>, tried after --forward rules)')
    .option(
      '--forward <pattern=url>',
      'route events whose type matches the pattern (*, <category>.*, <category>.<type>) to a URL; repeatable, first match wins',
      collect,
    )
    .option(
      '--events <pattern,...>',
      "comma-separated patterns to subscribe to (default: the routes' patterns)",
      oneValue,
    )
    .option('--user <user_id>', "only this user's events")
    .option(
      '--since <position|evt_id|time>',
      'start after a position or an event id, or from a time: ISO-8601 or a duration ago (10m, 2h); backfills what was missed',
    )
    .option(
      '--secret <whsec_…|whsk_…>',
      'the signing secret, or an Ed25519 private key (env ORIVA_LISTEN_SECRET; default a new one each run)',
    )
    .addOption(
      new Option(
        '--signature-scheme <scheme>',
        'hmac (v1, the default) or ed25519 (v1a, like a webhook created with --signature-scheme ed25519)',
      ).choices(['hmac', 'ed25519'] as const),
    )
    .option('--print-secret', 'print the signing secret only (the given one, or a new one) and exit')
    .addOption(
      new Option('--count <n>', 'exit 0 after n forwards').argParser(integer('--count', 0, Number.MAX_SAFE_INTEGER)),
    )
    .addOption(
      new Option('--timeout <s>', 'seconds to wait for the receiver (1-300; default 10)').argParser(
        integer('--timeout', 1, 300),
      ),
    )
    .addHelpText(
      'after',
      `
Each event is POSTed with the body and headers of a real webhook delivery (webhook-id fwd_<event_id>,
webhook-timestamp, webhook-signature, X-Oriva-Signature), signed with the local secret printed at start
on stderr: verify it with @oriva/webhook-verify as in production. With --signature-scheme ed25519 (or a
whsk_ --secret) forwards carry v1a signatures instead, and the public key (whpk_…) to verify them is printed. One line per forward: time, type,
event id, target, the receiver's status and latency; with --json, NDJSON lines
{ event_id, type, target, status, ms } (status null and an error when no response came). A failed
forward is printed and listening goes on. Events no route matches are skipped.

Examples:
  $ oriva listen --forward-to http://localhost:3000/api/oriva-events
  $ oriva listen --forward 'notification.*=http://localhost:3000/a' --forward 'session.*=http://localhost:3000/b'
  $ export ORIVA_LISTEN_SECRET=$(oriva listen --print-secret)
  $ oriva listen --forward-to http://localhost:3000/api/oriva-events --since evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T
  $ oriva listen --forward-to http://localhost:3000/api/oriva-events --signature-scheme ed25519
`,
    );

export const listen = defineCommand(declaration, () => import('./listen.run.js'));
