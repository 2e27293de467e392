import type { Storage } from './types.js';

/** Records one storage call: how long it took, whether it failed, and with what. */
export type StorageCallObserver = (seconds: number, failed: boolean, error?: unknown) => void;

/**
 * Every aggregate's port: the wrappers below (timing, the circuit breaker) cover each of them, so no
 * query escapes them. A new port goes here.
 */
export const PORTS = [
  'apps',
  'events',
  'eventTypes',
  'notifications',
  'preferences',
  'webhooks',
  'deliveries',
  'idempotency',
  'jobs',
  'stats',
  'users',
  'consumers',
  'archive',
] as const satisfies ReadonlyArray<keyof Storage>;

/**
 * Wraps every method of every port, and `ping`, with `wrap(operation, call)` (operation names such as
 * `events.insert`), made once per member on first use. Everything else (`kind`, `close`, adapter
 * extras) is inherited unwrapped.
 */
export function wrapStorageCalls(
  storage: Storage,
  wrap: (operation: string, call: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
): Storage {
  const wrapped = Object.create(storage) as Storage;
  const ports: Record<string, unknown> = {};
  for (const port of PORTS) ports[port] = wrapPort(storage[port], port, wrap);
  ports.ping = wrap('ping', () => storage.ping());
  return Object.assign(wrapped, ports);
}

function wrapPort<T extends object>(
  port: T,
  name: string,
  wrap: (operation: string, call: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
): T {
  const wrappers = new Map<PropertyKey, unknown>();
  return new Proxy(port, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        wrapper = wrap(`${name}.${property}`, (...args: unknown[]) => value.apply(target, args));
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}

/**
 * Times every asynchronous call on every port (`events.insert`, `deliveries.claim`, ...) and `ping`,
 * for the design document's "query p95 < 100 ms" and its slow-query alert. Measured where services
 * call storage, so the figure is what a request waits for: the statement or transaction, and on
 * SQLite the wait for the single writer too. Synchronous members (listener registration) pass
 * through untimed. `observerFor` is asked once per operation name.
 */
export function withQueryTiming(storage: Storage, observerFor: (operation: string) => StorageCallObserver): Storage {
  return wrapStorageCalls(storage, (operation, call) => timeCall(call, () => observerFor(operation)));
}

/** The observer is made at the first asynchronous result, so synchronous members leave no empty series. */
function timeCall<A extends unknown[], R>(
  call: (...args: A) => R,
  makeObserver: () => StorageCallObserver,
): (...args: A) => R {
  let observe: StorageCallObserver | undefined;
  return (...args: A) => {
    const started = performance.now();
    const result = call(...args);
    if (!(result instanceof Promise)) return result;
    observe ??= makeObserver();
    const record = observe;
    const seconds = () => (performance.now() - started) / 1000;
    return result.then(
      (value) => {
        record(seconds(), false);
        return value;
      },
      (error: unknown) => {
        record(seconds(), true, error);
        throw error;
      },
    ) as R;
  };
}
