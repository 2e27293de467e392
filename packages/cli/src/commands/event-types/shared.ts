/**
 * Display and comparison shared by the event-type commands. Names, descriptions and schemas come from
 * the API (text someone else wrote): they go through `escapeTerminal` before reaching a terminal.
 */
import type { EventType } from '@oriva/sdk';
import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { ContextualError } from '../../errors.js';
import { formatPairs, formatTable, type Style, escapeTerminal as safe, shortTime } from '../../output.js';
import type { Declaration } from './declarations.js';

/** The client for an app's event types: the app's key, else the admin token, on the configured app. */
export async function eventTypeClient(ctx: CommandContext) {
  requireAppId(ctx);
  return createClient(ctx, 'app-or-admin');
}

/** Runs an API call on one event type, saying what to do when it does not exist. */
export async function onEventType<T>(call: () => Promise<T>, name: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { status } = error as { status?: unknown };
    throw new ContextualError(error, {
      ...(status === 404
        ? { hint: `no event type ${JSON.stringify(name)} on this app: \`oriva event-types list\` shows its types` }
        : {}),
    });
  }
}

/** Whether pushing `declaration` would change nothing the server keeps: schema, examples, description, deprecation. */
export function sameDeclaration(declaration: Declaration, current: EventType): boolean {
  return (
    (declaration.description ?? null) === current.description &&
    (declaration.deprecated ?? false) === current.deprecated &&
    sameJson(declaration.schema, current.schema) &&
    sameJson(declaration.examples ?? [], current.examples)
  );
}

/** Deep equality of JSON values; object key order does not matter (a reformatted file is unchanged). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** One example of the previous version that the new schema rejects, from a 409 `breaking_change` field. */
export interface BrokenExample {
  index: number;
  /** The JSON pointer inside the example (`/duration`), empty for the example itself. */
  pointer: string;
  message: string;
}

/** `previous_examples.0/duration` → `{ index: 0, pointer: '/duration' }`; other fields are left out. */
export function brokenExamples(fields: readonly { path: string; message: string }[]): BrokenExample[] {
  return fields.flatMap(({ path, message }) => {
    const match = /^previous_examples\.(\d+)(.*)$/.exec(path);
    return match ? [{ index: Number(match[1]), pointer: match[2] ?? '', message }] : [];
  });
}

/**
 * What breaks, for a person to read before accepting: each rejected example of the current version
 * with the reason, then the schema's lines that change (`-` current, `+` new).
 */
export function breakingReport(current: EventType, next: Declaration, broken: BrokenExample[], style: Style): string {
  const lines = [
    `${style.yellow('!')} ${style.bold(safe(next.name))}: the new schema rejects examples of version ${current.version}`,
  ];
  for (const { index, pointer, message } of broken) {
    const example = current.examples[index];
    lines.push(`    example ${index}${pointer ? ` at ${safe(pointer)}` : ''}: ${safe(message)}`);
    if (example !== undefined) lines.push(style.dim(`      ${safe(JSON.stringify(example))}`));
  }
  lines.push(`  schema v${current.version} → new:`);
  for (const line of lineDiff(pretty(current.schema), pretty(next.schema))) {
    if (line.startsWith('-')) lines.push(style.red(`    ${safe(line)}`));
    else if (line.startsWith('+')) lines.push(style.green(`    ${safe(line)}`));
  }
  return `${lines.join('\n')}\n`;
}

const pretty = (value: unknown) => JSON.stringify(canonical(value), null, 2).split('\n');

/**
 * A line diff by longest common subsequence: `' '` kept, `'-'` only in `before`, `'+'` only in
 * `after`. Schemas are small (at most 64 KiB), so the quadratic table is fine.
 */
export function lineDiff(before: readonly string[], after: readonly string[]): string[] {
  const rows = before.length + 1;
  const cols = after.length + 1;
  const common = new Uint32Array(rows * cols);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i * cols + j] =
        before[i] === after[j]
          ? (common[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * cols + j] ?? 0, common[i * cols + j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      out.push(` ${before[i]}`);
      i++;
      j++;
    } else if (
      i < before.length &&
      (j === after.length || (common[(i + 1) * cols + j] ?? 0) >= (common[i * cols + j + 1] ?? 0))
    ) {
      // Removals before additions, as `diff -u` shows a changed line.
      out.push(`-${before[i]}`);
      i++;
    } else {
      out.push(`+${after[j]}`);
      j++;
    }
  }
  return out;
}

const EVENT_TYPE_COLUMNS = ['NAME', 'VERSION', 'DEPRECATED', 'UPDATED', 'DESCRIPTION'];

export function printEventTypeTable(ctx: CommandContext, types: readonly EventType[]): void {
  ctx.write(
    formatTable(
      EVENT_TYPE_COLUMNS,
      types.map((type) => [
        safe(type.name),
        String(type.version),
        type.deprecated ? 'yes' : '',
        shortTime(type.updated_at),
        safe(type.description ?? ''),
      ]),
      { headerStyle: ctx.out.bold, maxCellWidth: 60 },
    ),
  );
}

/** Every field of one event type, schema and examples as indented JSON. */
export function describeEventType(type: EventType, style: Style): string {
  const pairs: [string, string][] = [
    ['name', safe(type.name)],
    ['app', safe(type.app_id ?? '(platform)')],
    ['version', `${type.version} (of ${type.versions.join(', ')})`],
  ];
  if (type.description) pairs.push(['description', safe(type.description)]);
  if (type.deprecated) pairs.push(['deprecated', style.yellow('yes')]);
  pairs.push(['updated', shortTime(type.updated_at)]);
  const block = (value: unknown) => safe(JSON.stringify(value, null, 2), { keepNewlines: true }).replace(/^/gm, '  ');
  return `${formatPairs(pairs, style.bold)}\n${style.bold('schema')}\n${block(type.schema)}\n${style.bold('examples')}\n${block(type.examples)}\n`;
}
