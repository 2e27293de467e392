/** Reads newline-delimited JSON: one object per line, blank lines skipped, every bad line reported by number. */

export interface NdjsonRecord {
  /** 1-based line number in the file. */
  line: number;
  value: Record<string, unknown>;
}

export interface NdjsonLineError {
  line: number;
  message: string;
}

export interface NdjsonResult {
  records: NdjsonRecord[];
  errors: NdjsonLineError[];
}

/** Parses every line; never throws. The caller decides what to do with `errors` (we refuse to send anything). */
export function parseNdjson(text: string): NdjsonResult {
  const records: NdjsonRecord[] = [];
  const errors: NdjsonLineError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${jsonErrorMessage(error)})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line, message: `expected a JSON object, got ${describe(value)}` });
      return;
    }
    records.push({ line, value: value as Record<string, unknown> });
  });
  return { records, errors };
}

/** Parses a JSON object given on the command line (`--data`, `--body`). */
export function parseJsonObject(text: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${jsonErrorMessage(error)})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: `not a JSON object (got ${describe(value)})` };
  }
  return { value: value as Record<string, unknown> };
}

function jsonErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
