/** Arguments and options several webhook commands declare alike. */
import { type Command, Option, type OptionValues } from '@commander-js/extra-typings';
import type { Parent } from '../define.js';
import { integer } from '../option-parsers.js';

/** `webhooks <name> <id>`: a command on one webhook. */
export const onOneWebhook = (webhooks: Parent, name: string, description: string) =>
  webhooks.command(name).description(description).argument('<id>', 'webhook id (wh_…)');

/** `--max-retries` and `--backoff-seconds`, after the command's other options (`create`, `update`). */
export function withRetryOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
) {
  return command
    .addOption(
      new Option('--max-retries <n>', 'retries after a failed delivery (0-10; default 5)').argParser(
        integer('--max-retries', 0, 10),
      ),
    )
    .addOption(
      new Option(
        '--backoff-seconds <s>',
        'first retry delay in seconds, doubling each time (1-3600; default 1)',
      ).argParser(integer('--backoff-seconds', 1, 3600)),
    );
}
