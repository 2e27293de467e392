import type { StoredEvent } from '../../storage/types.js';
import type { EventBus } from '../stream/bus.js';

/** A long poll's view of the bus, from the moment it was opened. */
export interface CommitWatch {
  /**
   * Resolves true once an event `wanted` chose has committed since the watch opened (or since the last
   * `next`), false when `ms` pass, `signal` aborts or the server closes first.
   */
  next(ms: number, signal?: AbortSignal): Promise<boolean>;
  stop(): void;
}

/**
 * Wakes long polls when an event commits, from the bus the stream hub uses: in process on one
 * instance, Redis pub/sub across several, so a commit on any instance answers a poll waiting on
 * another. A watch opens before the poll reads storage: an event committed between the read and the
 * wait is then already noted, never missed. `close` answers every waiting poll at once (shutdown).
 */
export class CommitWaits {
  private readonly waking = new Set<() => void>();
  private closed = false;

  constructor(private readonly bus: EventBus) {}

  watch(wanted: (event: StoredEvent) => boolean): CommitWatch {
    let seen = false;
    let wake: (() => void) | undefined;
    const unsubscribe = this.bus.subscribe((events) => {
      if (seen || !events.some(wanted)) return;
      seen = true;
      wake?.();
    });
    const stop = () => {
      unsubscribe();
      wake?.();
    };
    return {
      stop,
      next: (ms, signal) => {
        if (seen || this.closed || signal?.aborted) return Promise.resolve(consume());
        return new Promise<boolean>((resolve) => {
          const finish = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', finish);
            this.waking.delete(finish);
            wake = undefined;
            resolve(consume());
          };
          const timer = setTimeout(finish, ms);
          signal?.addEventListener('abort', finish, { once: true });
          this.waking.add(finish);
          wake = finish;
        });
      },
    };

    function consume(): boolean {
      const was = seen;
      seen = false;
      return was;
    }
  }

  /** Answers every waiting poll now (they return what they have) and every later one at once. */
  close(): void {
    this.closed = true;
    for (const wake of this.waking) wake();
    this.waking.clear();
  }
}
