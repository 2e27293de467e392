/**
 * The static rule a schema's regular expressions (`pattern`, `patternProperties`) must pass, so that
 * checking an event can never backtrack for long. JavaScript's engine backtracks, and a pattern such
 * as `(a+)+$` takes exponential time on a string of `a`s ending in `b`. Refused:
 *
 * - a group that contains a quantifier and is itself quantified: `(a+)+`, `(a*b?)*`, `((ab)*c){2,}`;
 * - a quantified group with alternatives inside: `(a|a)*` (write `[ab]*` for single characters);
 * - backreferences (`\1`, `\k<name>`), which no linear-time engine supports either;
 * - patterns longer than `MAX_PATTERN_LENGTH`, or that are not valid with the `u` flag.
 *
 * What is left can still backtrack polynomially (`\d*\d*x`), so the strings a pattern is tested on
 * are capped too: see `MAX_PATTERN_SUBJECT_LENGTH` in schema-validator.ts.
 */

export const MAX_PATTERN_LENGTH = 512;

/** Why a pattern is refused, or undefined when it is safe to run. */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `must be at most ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'is not a valid regular expression (with the u flag)';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use backreferences';
  return nestedQuantifierReason(pattern);
}

interface Group {
  /** A quantifier (or a quantified group) is inside. */
  quantified: boolean;
  /** A top-level `|` is inside. */
  alternated: boolean;
}

function nestedQuantifierReason(pattern: string): string | undefined {
  const open: Group[] = [];
  const markInnermost = () => {
    const innermost = open[open.length - 1];
    if (innermost) innermost.quantified = true;
  };
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
    } else if (char === '[') {
      index = endOfClass(pattern, index);
    } else if (char === '(') {
      open.push({ quantified: false, alternated: false });
      // `(?:`, `(?=`, `(?<name>`: the `?` there is syntax, not a quantifier.
      if (pattern[index + 1] === '?') index++;
    } else if (char === '|') {
      const innermost = open[open.length - 1];
      if (innermost) innermost.alternated = true;
    } else if (char === ')') {
      const group = open.pop();
      const repeated = isRepetition(pattern, index + 1);
      if (group && repeated && group.quantified) return 'must not nest quantifiers, as in (a+)+';
      if (group && repeated && group.alternated) return 'must not repeat a group of alternatives, as in (a|b)*';
      if (group?.quantified || repeated || isQuantifier(pattern, index + 1)) markInnermost();
    } else if (isQuantifier(pattern, index)) {
      markInnermost();
    }
  }
  return undefined;
}

/** The index of the `]` that closes the class opened at `start`. */
function endOfClass(pattern: string, start: number): number {
  let index = start + 1;
  while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
  return index;
}

/** `*`, `+` or `{n,…}` (more than a fixed count) at `index`. */
function isRepetition(pattern: string, index: number): boolean {
  const char = pattern[index];
  return char === '*' || char === '+' || /^\{\d+,\d*\}/.test(pattern.slice(index, index + 24));
}

/** Any quantifier at `index`: a repetition, `?`, or `{n}`. */
function isQuantifier(pattern: string, index: number): boolean {
  return isRepetition(pattern, index) || pattern[index] === '?' || /^\{\d+\}/.test(pattern.slice(index, index + 24));
}
