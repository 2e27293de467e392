import type { CircuitBreaker } from './circuit-breaker.js';
import { wrapStorageCalls } from './timed-storage.js';
import type { Storage } from './types.js';

/**
 * Puts every storage call behind the circuit breaker: while it is open, asynchronous calls are refused
 * at once (a rejected promise, no pool wait); otherwise each outcome is reported to it. A member is
 * known to be asynchronous once it has returned a promise; synchronous members (listener
 * registration, cached versions) are never refused, since they do not touch the database; a member
 * never called before the breaker opened is let through once, to learn which it is.
 */
export function withCircuitBreaker(storage: Storage, breaker: CircuitBreaker): Storage {
  return wrapStorageCalls(storage, (operation, call) => {
    // `ping` is asynchronous by its type, and readiness checks call it first thing in an outage.
    let asynchronous = operation === 'ping';
    return (...args: unknown[]) => {
      if (asynchronous && breaker.state === 'open') {
        try {
          breaker.check();
        } catch (error) {
          return Promise.reject(error);
        }
      }
      const result = call(...args);
      if (!(result instanceof Promise)) return result;
      asynchronous = true;
      return result.then(
        (value) => {
          breaker.record();
          return value;
        },
        (error: unknown) => {
          breaker.record(error);
          throw error;
        },
      );
    };
  });
}
