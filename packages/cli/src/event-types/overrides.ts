/**
 * `--set path=value` overrides of an event's `event_data`, as `oriva trigger` and the MCP
 * `trigger_event` tool take them. The path is dot-separated (`session.duration`, `tags.0`); the value
 * is JSON when it parses as JSON (`3`, `true`, `null`, `{"a":1}`, `"3"` for the string), else the
 * text as a string (`hello`). Missing objects on the way are created; a number indexes an array.
 *
 * @example
 * ```ts
 * applyOverrides({ duration: 1 }, [parseOverride('duration=1500'), parseOverride('mood.label=calm')]);
 * // { duration: 1500, mood: { label: 'calm' } }
 * ```
 */
import { UserError } from '../errors.js';

export interface Override {
  /** The path as given, for messages. */
  path: string;
  keys: string[];
  value: unknown;
}

/** Keys that would reach Object.prototype instead of the data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** A path that cannot be set: a `UserError`, so the CLI and the MCP tool both show it as the user's to fix. */
export class OverrideError extends UserError {}

export function parseOverride(text: string): Override {
  const at = text.indexOf('=');
  if (at <= 0) throw new OverrideError(`${JSON.stringify(text)} is not path=value`);
  return overrideAt(text.slice(0, at).trim(), parseValue(text.slice(at + 1)));
}

/** An override of `path` (dot-separated) with a value already parsed, as the MCP tool takes them. */
export function overrideAt(path: string, value: unknown): Override {
  const keys = path.split('.');
  if (keys.some((key) => key === '')) throw new OverrideError(`${JSON.stringify(path)} has an empty part`);
  const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
  if (forbidden) throw new OverrideError(`${JSON.stringify(path)}: "${forbidden}" cannot be set`);
  return { path, keys, value };
}

/** JSON when it parses, else the text itself: `3` is a number, `"3"` and `three` are strings. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A copy of `data` with every override applied in order; `data` is left as it was. */
export function applyOverrides(data: Record<string, unknown>, overrides: readonly Override[]): Record<string, unknown> {
  const result = structuredClone(data);
  for (const override of overrides) setPath(result, override);
  return result;
}

function setPath(target: Record<string, unknown>, { path, keys, value }: Override): void {
  let node: unknown = target;
  for (const [index, key] of keys.entries()) {
    const last = index === keys.length - 1;
    const container = node as Record<string, unknown> | unknown[];
    if (Array.isArray(container)) {
      if (!/^\d+$/.test(key) || Number(key) > container.length) {
        throw new OverrideError(
          `${path}: "${key}" is not an index of the array at ${keys.slice(0, index).join('.') || 'the top'} (0-${container.length})`,
        );
      }
    }
    const slot = container as Record<string, unknown>;
    if (last) {
      slot[key] = value;
      return;
    }
    const next = slot[key];
    if (next === undefined || next === null) slot[key] = {};
    else if (typeof next !== 'object') {
      throw new OverrideError(
        `${path}: ${keys.slice(0, index + 1).join('.')} is ${JSON.stringify(next)}, not an object`,
      );
    }
    node = slot[key];
  }
}
