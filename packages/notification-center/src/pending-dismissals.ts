import type { Notification } from '@oriva/sdk';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** How long a dismissal can be undone before it is sent. */
export const UNDO_WINDOW_MS = 5_000;

export interface PendingDismissals {
  /** Notifications dismissed here whose dismissal is not sent yet: the page hides them. */
  pending: readonly Notification[];
  /** Hides the notification now and sends its dismissal once the undo window has passed. */
  dismiss(item: Notification): void;
  /** Brings a pending dismissal back, unsent; false when it was already sent. */
  undo(id: string): Notification | null;
  /** Sends every pending dismissal at once (the page is going away). */
  flush(send?: (item: Notification) => void): void;
}

/**
 * Dismissals wait out an undo window before they reach the server. The API cannot put a dismissal
 * back the way it was: "restore" makes a notification `unread` (not the `read` or `clicked` it
 * was), and the owning app has already received `notification.dismissed` by webhook and stream.
 * Holding the request back makes undo exact, and the app hears of a dismissal only once it stands.
 *
 * `send` runs when a window ends; on `pagehide` (a closed tab, a navigation) every pending dismissal
 * goes through `sendOnExit`, which should survive the page's end (a keepalive request).
 */
export function usePendingDismissals(
  send: (item: Notification) => void,
  sendOnExit: (item: Notification) => void,
): PendingDismissals {
  const [pending, setPending] = useState<readonly Notification[]>([]);
  const timers = useRef(new Map<string, { item: Notification; timer: ReturnType<typeof setTimeout> }>());
  const sendRef = useRef(send);
  sendRef.current = send;
  const exitRef = useRef(sendOnExit);
  exitRef.current = sendOnExit;

  const take = useCallback((id: string): Notification | null => {
    const entry = timers.current.get(id);
    if (!entry) return null;
    clearTimeout(entry.timer);
    timers.current.delete(id);
    setPending((list) => list.filter((item) => item.id !== id));
    return entry.item;
  }, []);

  const dismiss = useCallback(
    (item: Notification) => {
      if (timers.current.has(item.id)) return;
      const timer = setTimeout(() => {
        const taken = take(item.id);
        if (taken) sendRef.current(taken);
      }, UNDO_WINDOW_MS);
      timers.current.set(item.id, { item, timer });
      setPending((list) => [...list, item]);
    },
    [take],
  );

  const flush = useCallback(
    (sendNow: (item: Notification) => void = sendRef.current) => {
      for (const id of [...timers.current.keys()]) {
        const taken = take(id);
        if (taken) sendNow(taken);
      }
    },
    [take],
  );

  useEffect(() => {
    const leave = () => flush(exitRef.current);
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      // Signing out (or a new session) unmounts the feed: what was dismissed stays dismissed.
      flush();
    };
  }, [flush]);

  return { pending, dismiss, undo: take, flush };
}
