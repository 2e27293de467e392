/**
 * A circuit breaker in front of the database, so that requests fail fast with a 503 while it is out of
 * reach instead of queueing on the pool (the design document's "circuit breaker for the database").
 *
 *            trips × threshold              probe succeeds
 *   closed ─────────────────────▶ open ─────────────────────▶ half-open
 *     ▲                            ▲                              │
 *     │                            └────── a call trips ──────────┤
 *     └──────────────────── a call succeeds ──────────────────────┘
 *
 * Closed: calls pass; `threshold` tripping failures in a row (a lost connection, a refused one, a
 * timeout: see `tripsBreaker`) open it. Open: calls are refused at once with `StorageUnavailableError`,
 * and a probe (`ping`) runs in the background every `probeIntervalMs`. Half-open: the probe answered,
 * so calls pass again; the first that succeeds closes the breaker, the first that trips opens it
 * again. Failures that prove the database answered (a constraint, bad input) count as successes.
 */
import { isDatabaseUnreachable } from './failures.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Checks the database without passing through the breaker. */
  probe: () => Promise<void>;
  /** Tripping failures in a row that open the breaker (default 3: one reset connection is not an outage). */
  threshold?: number;
  /** How often an open breaker probes (default 500 ms: recovery is noticed within a second). */
  probeIntervalMs?: number;
}

/** What a refused call throws: the error handler answers 503 `storage_unavailable` with `Retry-After`. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly code = 'STORAGE_CIRCUIT_OPEN';
  constructor(readonly retryAfterSeconds: number) {
    super('The database is unavailable (circuit breaker open); retry shortly');
  }
}

/**
 * Whether a failure says the database is down or too slow, as opposed to a refusal of this one call.
 * PostgreSQL: out of reach or connection lost (network, SQLSTATE 08), shutting down or starting up
 * (57P01-57P03), too many connections (53300), a statement timeout (57014) and a pool that gave no
 * connection in time. SQLite: I/O errors and a file that cannot be opened (the disk went away); its
 * busy timeout is contention, not an outage, and a full disk still serves reads, so neither trips.
 */
export function tripsBreaker(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return false;
  const code = (error as { code?: unknown } | undefined)?.code;
  const text = typeof code === 'string' ? code : '';
  if (isDatabaseUnreachable(error) || /^57P0[123]$/.test(text) || text === '53300' || text === '57014') return true;
  if (text.startsWith('SQLITE_IOERR') || text === 'SQLITE_CANTOPEN') return true;
  return (
    error instanceof Error &&
    /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/.test(
      error.message,
    )
  );
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failuresInARow = 0;
  private probeTimer: NodeJS.Timeout | undefined;
  private nextProbeAt = 0;
  private closed = false;
  private readonly listeners = new Set<(state: BreakerState) => void>();
  private readonly threshold: number;
  private readonly probeIntervalMs: number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.threshold = options.threshold ?? 3;
    this.probeIntervalMs = options.probeIntervalMs ?? 500;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Whole seconds until the next probe may let calls through again (at least 1: `Retry-After`). */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.nextProbeAt - Date.now()) / 1000));
  }

  /** Throws `StorageUnavailableError` while open; callers check before each call. */
  check(): void {
    if (this.current === 'open') throw new StorageUnavailableError(this.retryAfterSeconds);
  }

  /** The outcome of a call that passed: success, or a failure that may trip the breaker. */
  record(error?: unknown): void {
    if (error === undefined || !tripsBreaker(error)) {
      this.failuresInARow = 0;
      if (this.current === 'half-open') this.moveTo('closed');
      return;
    }
    this.failuresInARow++;
    if (this.current === 'half-open' || (this.current === 'closed' && this.failuresInARow >= this.threshold)) {
      this.open();
    }
  }

  /** Called on every change of state (metrics, background work pausing and resuming). */
  onChange(listener: (state: BreakerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops probing (the server is closing). */
  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  private open(): void {
    this.moveTo('open');
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    clearTimeout(this.probeTimer);
    if (this.closed) return;
    this.nextProbeAt = Date.now() + this.probeIntervalMs;
    this.probeTimer = setTimeout(() => void this.probe(), this.probeIntervalMs);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    if (this.current !== 'open' || this.closed) return;
    try {
      await this.options.probe();
      this.failuresInARow = 0;
      if (this.current === 'open') this.moveTo('half-open');
    } catch {
      this.scheduleProbe();
    }
  }

  private moveTo(state: BreakerState): void {
    if (this.current === state) return;
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
