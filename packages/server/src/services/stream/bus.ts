import type { StoredEvent } from '../../storage/types.js';

/**
 * Where committed events go to reach stream clients. One process: this in-memory bus. Several
 * instances: a Redis pub/sub bus with the same interface, so an event committed on one instance
 * reaches clients connected to another.
 */
export interface EventBus {
  publish(events: StoredEvent[]): void;
  subscribe(listener: (events: StoredEvent[]) => void): () => void;
  close(): Promise<void>;
}

export function createInProcessBus(): EventBus {
  const listeners = new Set<(events: StoredEvent[]) => void>();
  return {
    publish: (events) => {
      for (const listener of listeners) listener(events);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => listeners.clear(),
  };
}
