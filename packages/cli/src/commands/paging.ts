/** `--limit` and `--all`, declared alike by every list that pages: events, notifications, deliveries. */
import { type Command, Option, type OptionValues } from '@commander-js/extra-typings';
import { integer } from './option-parsers.js';

export interface Paging {
  /** What one row is, as in "fetch every matching event". */
  row: string;
  /** The plural, as in "events per page". */
  rows: string;
  /** The page size without `--limit`. */
  size: number;
  /** The largest page, also the page size with `--all`. */
  max: number;
}

/** Adds `--limit <n>` (1 to `max`) and `--all` after the command's other options. */
export function withPaging<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
  { row, rows, size, max }: Paging,
) {
  return command
    .addOption(
      new Option('--limit <n>', `${rows} per page (1-${max}; default ${size}, or ${max} with --all)`).argParser(
        integer('--limit', 1, max),
      ),
    )
    .option('--all', `fetch every matching ${row}, page after page`);
}

/** The page size a list asks for: `--limit`, else the largest page with `--all`, else the default. */
export function pageSize(options: { limit?: number; all?: boolean }, { size, max }: Paging): number {
  return options.limit ?? (options.all ? max : size);
}
