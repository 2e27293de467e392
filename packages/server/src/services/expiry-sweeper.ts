import type { ServiceDeps } from '../core/deps.js';
import { notificationEvent } from './notifications/event.js';

const BATCH = 500;

/**
 * Records `notification.expired` once for each notification whose expiry has passed. Reads never
 * wait for it (a notification past its expiry reads as expired at once); the sweeper only makes
 * the state and the event durable, so webhooks and streams learn of it.
 */
export async function sweepExpiredNotifications(deps: ServiceDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const now = new Date().toISOString();
    const expired = await deps.storage.notifications.expireDue(now, BATCH, (view) =>
      notificationEvent(view, 'expired', now, {
        previous_status: view.status,
        status: 'expired',
        changed_by: 'system',
      }),
    );
    total += expired;
    if (expired < BATCH) break;
  }
  if (total > 0) deps.metrics.notificationStateChanges.inc({ status: 'expired' }, total);
  return total;
}

export function startExpirySweeper(deps: ServiceDeps, intervalSeconds: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // Paused while the database is out of reach: the next round after it is back sweeps what is due.
    if (deps.breaker.state === 'open') return;
    running = running
      // With several instances one sweeps at a time; the others skip this round.
      .then(() => deps.storage.jobs.runExclusive('expiry-sweep', () => sweepExpiredNotifications(deps)))
      .catch((error) => deps.logger.warn({ err: error }, 'expiry sweep failed'));
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
