import { type CircuitBreaker, StorageUnavailableError } from './circuit-breaker.js';
import { type StorageCallObserver, wrapStorageCalls } from './timed-storage.js';
import type { Storage } from './types.js';

/**
 * Puts every storage call behind the circuit breaker: while it is open, asynchronous calls are refused
 * at once (a rejected promise, no pool wait). A member is known to be asynchronous once it has returned
 * a promise; synchronous members (listener registration, cached versions) are never refused, since they
 * do not touch the database; a member never called before the breaker opened is let through once, to
 * learn which it is.
 *
 * The outcomes of the calls that pass reach the breaker through `reportingTo` on the timing layer
 * beneath (`withQueryTiming`), which already waits on each call's promise: one continuation per call
 * instead of two, on every query of the hot paths.
 *
 * @example
 * const breaker = new CircuitBreaker({ probe: () => timed.ping() });
 * const timed = withQueryTiming(adapter, reportingTo(breaker, metrics.storageCallObserver));
 * const storage = withCircuitBreaker(timed, breaker);
 */
export function withCircuitBreaker(storage: Storage, breaker: CircuitBreaker): Storage {
  return wrapStorageCalls(storage, (operation, call) => {
    // `ping` is asynchronous by its type, and readiness checks call it first thing in an outage.
    let asynchronous = operation === 'ping';
    return (...args: unknown[]) => {
      if (asynchronous && breaker.state === 'open') {
        return Promise.reject(new StorageUnavailableError(breaker.retryAfterSeconds));
      }
      const result = call(...args);
      if (!asynchronous && result instanceof Promise) asynchronous = true;
      return result;
    };
  });
}

/** An observer for `withQueryTiming` that also tells the breaker each call's outcome. */
export function reportingTo(
  breaker: CircuitBreaker,
  observerFor: (operation: string) => StorageCallObserver,
): (operation: string) => StorageCallObserver {
  return (operation) => {
    const observe = observerFor(operation);
    return (seconds, failed, error) => {
      observe(seconds, failed);
      breaker.record(failed ? error : undefined);
    };
  };
}
