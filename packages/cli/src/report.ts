/**
 * Turns a failure into what the user sees on stderr: `error: …`, detail lines, `hint: …`.
 * With `--json`, one JSON line shaped like the API's error body instead.
 */
import type { CommandContext } from './context.js';
import { ContextualError, EXIT_FAILURE, UserError } from './errors.js';
import { rateLimitDetail, rateLimitHint, readRateLimit } from './rate-limit.js';

interface FieldProblem {
  path: string;
  code?: string;
  message: string;
}

/** Everything we print about a failure, before it is rendered as text or JSON. */
export interface Problem {
  code: string;
  message: string;
  status?: number;
  requestId?: string;
  fields?: FieldProblem[];
  details?: string[];
  hint?: string;
  stack?: string;
  /** A 429's seconds until the limit frees up, and when that is (ISO 8601). */
  retryAfter?: number;
  resetsAt?: string;
}

const CONNECTION_HINT =
  'start the server with `pnpm start` (in the Oriva repository) or `oriva server start`, or check --base-url / ORIVA_API_BASE';

function statusHint(status: number, code: string): string | undefined {
  if (status === 401) {
    return 'check --api-key / ORIVA_API_KEY (app calls) or --admin-token / ORIVA_ADMIN_TOKEN (admin calls), or the profile; a revoked key stops working at once';
  }
  if (status === 403) return "the credentials are valid but may not do this: an app's key only works for that app";
  if (status === 404) return 'check the app id (`oriva apps list`) or the key id (`oriva keys list <app_id>`)';
  if (status === 409) return 'a conflict: the id is taken, or an idempotency key was reused with a different body';
  if (status === 413) return 'the body is larger than 1 MiB: send fewer or smaller events per request';
  if (status >= 500) return "the server failed: look for the request id in the server's log";
  if (code === 'validation_failed') return 'fix the fields listed above';
  return undefined;
}

/** Reads an SDK `APIError` without depending on its class (the SDK is loaded lazily, and may be absent). */
function apiErrorFields(error: Error): Problem | undefined {
  const e = error as Error & Record<string, unknown>;
  if (typeof e.status !== 'number' || e.status < 400) return undefined;
  const status = e.status;
  const body = (e.error ?? e.body) as { error?: Record<string, unknown> } | undefined;
  const inner = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : {};
  const code = String(e.code ?? inner.code ?? `http_${status}`);
  const requestId = (e.requestId ?? e.request_id ?? inner.request_id) as string | undefined;
  const rawFields = (Array.isArray(e.fields) ? e.fields : Array.isArray(inner.fields) ? inner.fields : []) as unknown[];
  const fields = rawFields
    .filter((field): field is Record<string, unknown> => field !== null && typeof field === 'object')
    .map((field) => ({
      path: String(field.path ?? ''),
      message: String(field.message ?? ''),
      ...(field.code === undefined ? {} : { code: String(field.code) }),
    }));
  let message = typeof inner.message === 'string' ? inner.message : e.message;
  // "app_id: must be …" only repeats the field error listed under it.
  if (fields.some((field) => message === `${field.path}: ${field.message}`)) {
    message = `the request failed validation (${fields.length} field${fields.length === 1 ? '' : 's'})`;
  }
  if (status === 401) message = `authentication failed: ${message}`;
  const problem: Problem = { code, message, status };
  if (requestId) problem.requestId = requestId;
  if (fields.length) problem.fields = fields;
  const hint = statusHint(status, code);
  if (hint) problem.hint = hint;
  return problem;
}

function isConnectionError(error: Error): boolean {
  if (/Connection(Timeout)?Error$/.test(error.name) || /ConnectionError/.test(error.constructor.name)) return true;
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'EAI_AGAIN') return true;
    cause = cause.cause;
  }
  return false;
}

function rootCause(error: Error): string | undefined {
  let cause: unknown = error.cause;
  let text: string | undefined;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    text = code ? `${code}` : cause.message;
    cause = cause.cause;
  }
  return text;
}

export function describeError(error: unknown, ctx: CommandContext): Problem {
  if (error instanceof ContextualError) {
    const problem = describeError(error.original, ctx);
    const { mapFieldPath, details, hint } = error.extra;
    if (mapFieldPath && problem.fields) {
      problem.fields = problem.fields.map((field) => ({ ...field, path: mapFieldPath(field.path) }));
    }
    if (details?.length) problem.details = [...(problem.details ?? []), ...details];
    if (hint) problem.hint = hint;
    return problem;
  }
  if (error instanceof UserError) {
    const problem: Problem = { code: error.code, message: error.message };
    if (error.details.length) problem.details = error.details;
    if (error.hint) problem.hint = error.hint;
    return problem;
  }
  if (error instanceof Error) {
    const api = apiErrorFields(error);
    if (api?.status === 429) return withRateLimit(api, error, ctx);
    if (api) return api;
    if (isConnectionError(error)) {
      let baseUrl = 'the server';
      try {
        baseUrl = ctx.settings().baseUrl;
      } catch {
        // The settings themselves may be what failed; the message is enough then.
      }
      const timedOut = /timeout|timed out/i.test(error.name + error.message);
      const cause = rootCause(error);
      return {
        code: timedOut ? 'timeout' : 'connection_error',
        message: timedOut
          ? `the request to ${baseUrl} timed out`
          : `could not connect to ${baseUrl}${cause ? ` (${cause})` : ''}`,
        hint: CONNECTION_HINT,
      };
    }
    if (error.name === 'OrivaError' || error.name === 'APIUserAbortError') {
      // The SDK refused before sending anything (a bad base URL, a missing app id): the message says why.
      return { code: 'client_error', message: error.message };
    }
    const problem: Problem = {
      code: 'internal_error',
      message: error.message || error.name,
      hint: 'this looks like a bug in oriva; run again with ORIVA_DEBUG=1 to see the stack trace',
    };
    if (ctx.env.ORIVA_DEBUG && error.stack) problem.stack = error.stack;
    return problem;
  }
  return { code: 'internal_error', message: String(error) };
}

/** Adds what the SDK's `RateLimitError` knows: the limit, when it frees up, how to lift it locally. */
function withRateLimit(problem: Problem, error: Error, ctx: CommandContext): Problem {
  const facts = readRateLimit(error);
  const detail = rateLimitDetail(facts);
  if (detail) problem.details = [...(problem.details ?? []), detail];
  let baseUrl: string | undefined;
  try {
    baseUrl = ctx.settings().baseUrl;
  } catch {
    // Without readable settings the server cannot be told local; the generic hint still holds.
  }
  problem.hint = rateLimitHint(facts, baseUrl);
  if (facts.retryAfter !== null) problem.retryAfter = facts.retryAfter;
  if (facts.resetsAt) problem.resetsAt = facts.resetsAt.toISOString();
  return problem;
}

/** Prints the failure on stderr and returns the exit code. */
export function reportError(error: unknown, ctx: CommandContext): number {
  const problem = describeError(error, ctx);
  // Hints are written as `oriva …`; printed as the user runs it (`pnpm -s oriva …`), so they paste as they are.
  if (problem.hint) problem.hint = problem.hint.replaceAll('`oriva ', `\`${ctx.command} `);
  const original = error instanceof ContextualError ? error.original : error;
  const exitCode = original instanceof UserError ? original.exitCode : EXIT_FAILURE;
  if (ctx.json) {
    const body: Record<string, unknown> = { code: problem.code, message: problem.message };
    if (problem.status !== undefined) body.status = problem.status;
    if (problem.requestId) body.request_id = problem.requestId;
    if (problem.fields) body.fields = problem.fields;
    if (problem.details) body.details = problem.details;
    if (problem.hint) body.hint = problem.hint;
    if (problem.retryAfter !== undefined) body.retry_after = problem.retryAfter;
    if (problem.resetsAt) body.resets_at = problem.resetsAt;
    ctx.stderr.write(`${JSON.stringify({ success: false, error: body })}\n`);
    return exitCode;
  }
  const { err } = ctx;
  const lines: string[] = [`${err.red('error:')} ${problem.message}`];
  if (problem.status !== undefined) {
    const facts = [`status ${problem.status}`, `code ${problem.code}`];
    if (problem.requestId) facts.push(`request id ${problem.requestId}`);
    lines.push(`  ${err.dim(facts.join(' · '))}`);
  }
  for (const field of problem.fields ?? []) {
    lines.push(
      `  - ${err.bold(field.path || '(body)')}: ${field.message}${field.code ? err.dim(` (${field.code})`) : ''}`,
    );
  }
  for (const detail of problem.details ?? []) lines.push(`  ${detail}`);
  if (problem.stack) lines.push(err.dim(problem.stack));
  if (problem.hint) lines.push(`${err.yellow('hint:')} ${problem.hint}`);
  ctx.stderr.write(`${lines.join('\n')}\n`);
  return exitCode;
}
