/**
 * Log lines for a person watching the dev server's terminal: `10:31:02.417 POST /api/v1/apps 201 3.1 ms
 * req_…` instead of a JSON object. It reads pino's own JSON lines, so what is logged (and redacted) is
 * exactly what production writes; only the rendering differs.
 */

/** Where the lines go: `process.stdout`, or a test's collector. */
export interface LineSink {
  write(text: string): unknown;
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Fields every line shows in its own place; the rest follow as `key=value`. */
const PLACED = new Set(['level', 'time', 'msg', 'req_id', 'method', 'path', 'status', 'duration_ms', 'err']);

/** A pino destination: each `write` gets one JSON line and writes one human line (plus a stack). */
export function prettyLogStream(sink: LineSink): { write(line: string): void } {
  return {
    write(line) {
      sink.write(`${formatLogLine(line)}\n`);
    },
  };
}

export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const rest = Object.entries(entry)
    .filter(([key, value]) => !PLACED.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);

  const parts: string[] = [time];
  if (typeof entry.method === 'string' && typeof entry.status === 'number') {
    // A request: the level only when it is not the usual info.
    if (level !== 30) parts.push(LEVELS[level] ?? String(level));
    parts.push(entry.method, String(entry.path ?? ''), String(entry.status));
    if (typeof entry.duration_ms === 'number') parts.push(`${entry.duration_ms} ms`);
  } else {
    parts.push(LEVELS[level] ?? String(level));
    if (typeof entry.msg === 'string') parts.push(entry.msg);
  }
  if (typeof entry.req_id === 'string') parts.push(entry.req_id);
  parts.push(...rest);
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = err ? String(err.stack ?? err.message ?? '') : '';
  return `${parts.filter(Boolean).join('  ')}${stack ? `\n${stack}` : ''}`;
}
