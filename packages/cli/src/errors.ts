/**
 * Expected failures. A `UserError` is printed as `error: <message>` (plus `hint: …`), never with a
 * stack trace; anything else is a bug and says how to get the stack.
 */

export interface UserErrorOptions {
  /** One line telling the user what to do next. */
  hint?: string;
  /** Extra lines printed under the message (for example every bad line of a file). */
  details?: string[];
  /** 1 for a failure (default), 2 for a usage error. */
  exitCode?: number;
  /** Machine-readable code for `--json` error output. */
  code?: string;
  cause?: unknown;
}

export class UserError extends Error {
  override readonly name = 'UserError';
  readonly hint: string | undefined;
  readonly details: string[];
  readonly exitCode: number;
  readonly code: string;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.details = options.details ?? [];
    this.exitCode = options.exitCode ?? 1;
    this.code = options.code ?? (this.exitCode === 2 ? 'usage_error' : 'cli_error');
  }
}

/** A usage error: wrong or missing flags. Exit code 2, like commander's own. */
export class UsageError extends UserError {
  constructor(message: string, options: Omit<UserErrorOptions, 'exitCode'> = {}) {
    super(message, { code: 'usage_error', ...options, exitCode: 2 });
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Wraps a failure (usually an API error) with what only the command knows: which lines of a file a
 * batch held, how many events were already sent. The report shows the original error plus this.
 */
export class ContextualError extends Error {
  override readonly name = 'ContextualError';
  constructor(
    readonly original: unknown,
    readonly extra: {
      /** Lines printed after the original's details. */
      details?: string[];
      /** Rewrites an API field path, e.g. `events.3.user_id` → `line 504: user_id`. */
      mapFieldPath?: (path: string) => string;
      /** Replaces the original's hint. */
      hint?: string;
    },
  ) {
    super(original instanceof Error ? original.message : String(original), { cause: original });
  }
}
