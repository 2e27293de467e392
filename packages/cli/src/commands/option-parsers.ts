/** Parsers for option values. What they throw is a usage error that commander prints with the flag. */
import { InvalidArgumentError } from '@commander-js/extra-typings';

/** A whole number from `min` to `max`: `integer('--limit', 1, 500)`. */
export const integer =
  (name: string, min: number, max: number) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return parsed;
  };

/** Collects a repeatable option's values: `--mute-app a --mute-app b` → `['a', 'b']`. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The value as given, for a value named like `<pattern,...>`: the typings read the trailing `...` as
 * a variadic option (a list), commander does not (it wants a word character before `...`), so the
 * value is one string, split by the handler.
 */
export const oneValue = (value: string): string => value;
