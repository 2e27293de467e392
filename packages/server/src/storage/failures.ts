/**
 * What a storage failure means, told from its error: the database out of reach (answer 503, retry),
 * or a request it cannot take (a 500 not worth retrying). The server's start, the HTTP error handler
 * and the retry advice all ask here.
 */

const errorCode = (error: unknown) => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
};

/** Socket failures on the way to the database, as Node reports them. */
const NETWORK_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres says these in words, without a code: a lost connection, a pool that could not get one. */
const POOL_FAILURE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** The database could not be reached at all: the network, or SQLSTATE class 08 (connection exception). */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = errorCode(error);
  return NETWORK_FAILURES.has(code) || code.startsWith('08');
}

/**
 * The database cannot be reached right now, and a later try may succeed: the network, SQLSTATE
 * class 08 (connection exception), 57P01-57P03 (shutting down, starting up), 53300 (too many
 * connections), 57014 (a statement timeout: the database is too slow), an open circuit breaker, and
 * SQLite's busy and locked timeouts.
 */
export function isStorageUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  if (isDatabaseUnreachable(error) || /^57P0[123]$/.test(code) || code === '53300' || code === '57014') return true;
  // Refused by the circuit breaker (circuit-breaker.ts) without reaching the database.
  if (code === 'STORAGE_CIRCUIT_OPEN') return true;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
  return error instanceof Error && POOL_FAILURE.test(error.message);
}

/**
 * The failure lies in what the request sent, so sending it again fails again: PostgreSQL's data
 * exceptions (class 22: a value it cannot store or convert) and program limits (class 54), and a
 * stack overflow on input nested deeper than the code can walk. Validation should have caught each;
 * the 500 is still ours, but not one to retry.
 */
export function isCausedByRequest(error: unknown): boolean {
  const code = errorCode(error);
  if (/^(22|54)[0-9A-Z]{3}$/.test(code)) return true;
  return error instanceof RangeError && /call stack/i.test(error.message);
}
