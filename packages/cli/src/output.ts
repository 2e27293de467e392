/**
 * Terminal output helpers: colours (on a TTY with NO_COLOR unset, or FORCE_COLOR), a tiny table formatter,
 * secret masking. No dependencies, nothing here is imported lazily: keep it small.
 */

/** What `main` writes to: `process.stdout`/`process.stderr`, or a test's collector. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/**
 * Colours are for people: on a terminal with `NO_COLOR` unset (https://no-color.org). `FORCE_COLOR`
 * (https://force-color.org, as Node reads it) overrides both: set and not `0` or `false`, colours are
 * on even through a pipe (a CI log, `| less -R`); `0` or `false` turns them off.
 */
export function colorsEnabled(stream: OutputStream, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  const noColor = env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === '');
}

const wrap = (enabled: boolean, open: number, close: number) => (text: string) =>
  enabled ? `\u001B[${open}m${text}\u001B[${close}m` : text;

export function createStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    green: wrap(enabled, 32, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
  };
}

const ANSI = /\u001B\[[0-9;]*m/g;

/** Display width of a string: ANSI escapes take no room. */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

export interface TableOptions {
  /** Styles the header row (for example `style.bold`). */
  headerStyle?: (text: string) => string;
  /** Cells longer than this are cut with `…`. */
  maxCellWidth?: number;
  /** Characters between columns. Default 2 spaces. */
  gap?: number;
  /**
   * Fit each line in this many characters (the terminal's width) by cutting the cells of
   * `shrinkColumn` with `…`; the other columns keep their width. That column must not be styled.
   */
  maxWidth?: number;
  /** The column `maxWidth` shrinks. Default the last. */
  shrinkColumn?: number;
}

/** The narrowest a shrunk column gets, however narrow the terminal. */
const MIN_SHRUNK_WIDTH = 10;

function cut(text: string, max: number | undefined): string {
  if (max === undefined || max < 2) return text;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * Formats rows as left-aligned columns under a header, with no trailing spaces.
 * Returns the text with a final newline (or an empty string when there are no columns).
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
) {
  const gap = ' '.repeat(options.gap ?? 2);
  const columns = header.length;
  if (columns === 0) return '';
  const clean = (cell: string | undefined) => cut((cell ?? '').replace(/[\r\n\t]+/g, ' '), options.maxCellWidth);
  const body = rows.map((row) => header.map((_, index) => clean(row[index])));
  const widths = header.map((title, index) =>
    Math.max(visibleLength(title), ...body.map((row) => visibleLength(row[index] ?? ''))),
  );
  const shrink = options.shrinkColumn ?? columns - 1;
  const total = widths.reduce((sum, width) => sum + width, 0) + gap.length * (columns - 1);
  if (options.maxWidth !== undefined && total > options.maxWidth && widths[shrink] !== undefined) {
    const room = Math.max(MIN_SHRUNK_WIDTH, widths[shrink] - (total - options.maxWidth));
    for (const row of body) row[shrink] = cut(row[shrink] ?? '', room);
    widths[shrink] = Math.min(widths[shrink], room);
  }
  const line = (cells: string[], styleCell?: (text: string) => string) =>
    cells
      .map((cell, index) => {
        const padded = index === columns - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - visibleLength(cell));
        return styleCell ? styleCell(padded) : padded;
      })
      .join(gap)
      .trimEnd();
  const headerStyle = options.headerStyle;
  const lines = [line([...header], headerStyle), ...body.map((row) => line(row))];
  return `${lines.join('\n')}\n`;
}

/** Formats `label  value` pairs with the labels aligned. */
export function formatPairs(
  pairs: readonly (readonly [string, string])[],
  labelStyle?: (text: string) => string,
): string {
  const width = Math.max(0, ...pairs.map(([label]) => visibleLength(label)));
  return pairs
    .map(([label, value]) => {
      const padded = label + ' '.repeat(width - visibleLength(label));
      return `${labelStyle ? labelStyle(padded) : padded}  ${value}`.trimEnd();
    })
    .map((text) => `${text}\n`)
    .join('');
}

/** Shows enough of a secret to recognise it, never enough to use it: `ok_live_…9f3c`. */
export function maskSecret(secret: string | undefined): string {
  if (secret === undefined || secret === '') return '';
  if (secret.length <= 12) return '•'.repeat(8);
  const underscore = secret.lastIndexOf('_', 10);
  const head = underscore > 0 ? secret.slice(0, underscore + 1) : secret.slice(0, 4);
  return `${head}…${secret.slice(-4)}`;
}

/** `2025-09-30T10:30:00.000Z` → `2025-09-30 10:30:00Z`: short enough for a table, still UTC and sortable. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  return match ? `${match[1]} ${match[2]}${match[3] ?? ''}` : iso;
}

/** Control characters (C0, DEL, C1: the start of every ANSI escape) and the bidirectional-text controls. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes text from the API safe to print: control characters, ANSI escapes and bidi overrides are
 * shown as `\x1b`, `\u202e` instead of reaching the terminal, where they could move the cursor,
 * recolour or rewrite the screen, or reorder what is shown. Tabs, newlines and carriage returns
 * become one space unless `keepNewlines` (then only `\n` is kept).
 */
export function escapeTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  const flattened = options.keepNewlines
    ? text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
    : text.replace(/[\r\n\t]+/g, ' ');
  return flattened.replace(UNSAFE, (char) => {
    if (options.keepNewlines && char === '\n') return char;
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Aligned columns for output that arrives one line at a time (`stream tail`, `listen`), where a table
 * cannot measure every row first: each column is as wide as its minimum or the widest cell printed so
 * far, so lines line up from the first, and a longer value widens its column for the lines after it.
 */
export function streamingColumns(minWidths: readonly number[], gap = 2): (cells: readonly string[]) => string {
  const widths = [...minWidths];
  const space = ' '.repeat(gap);
  return (cells) =>
    cells
      .map((cell, index) => {
        if (index === cells.length - 1) return cell;
        const width = Math.max(widths[index] ?? 0, visibleLength(cell));
        widths[index] = width;
        return cell + ' '.repeat(width - visibleLength(cell));
      })
      .join(space)
      .trimEnd();
}
