import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics, on a registry of the server's own so several servers can share a process (tests). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'oriva_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'oriva_http_request_duration_seconds',
      help: 'HTTP request latency by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'oriva_events_published_total',
      help: 'Events stored, by app',
      labelNames: ['app_id'] as const,
      registers: [registry],
    }),
    notificationsCreated: new Counter({
      name: 'oriva_notifications_created_total',
      help: 'Notifications created, by app',
      labelNames: ['app_id'] as const,
      registers: [registry],
    }),
    notificationStateChanges: new Counter({
      name: 'oriva_notification_state_changes_total',
      help: 'Notification state changes, by new status (and deletions)',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
