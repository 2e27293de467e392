import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics, on a registry of the server's own so several servers can share a process (tests). */
export interface MetricSources {
  pendingDeliveries(): Promise<number>;
  webhooks(): Promise<{ active: number; disabled: number }>;
}

const NO_SOURCES: MetricSources = {
  pendingDeliveries: async () => 0,
  webhooks: async () => ({ active: 0, disabled: 0 }),
};

/** `sources` are read from storage when /metrics is scraped. */
export function createMetrics(sources: MetricSources = NO_SOURCES) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const eventsPublished = new Counter({
    name: 'oriva_events_published_total',
    help: 'Events stored, by app',
    labelNames: ['app_id'] as const,
    registers: [registry],
  });
  // One labelled child per app, made once: prom-client hashes the label object on every inc() otherwise.
  const publishedByApp = new Map<string, ReturnType<typeof eventsPublished.labels>>();
  return {
    registry,
    /** `oriva_events_published_total{app_id}` += count. */
    countEventsPublished(appId: string, count = 1) {
      let child = publishedByApp.get(appId);
      if (!child) {
        child = eventsPublished.labels({ app_id: appId });
        publishedByApp.set(appId, child);
      }
      child.inc(count);
    },
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
    webhookDeliveries: new Counter({
      name: 'oriva_webhook_deliveries_total',
      help: 'Webhook delivery attempts, by outcome (succeeded, retrying, failed, aborted)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    webhookDeliveryLatency: new Histogram({
      name: 'oriva_webhook_delivery_latency_seconds',
      help: 'From the event being accepted to its successful delivery',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300],
      registers: [registry],
    }),
    webhookQueueDepth: new Gauge({
      name: 'oriva_webhook_queue_depth',
      help: 'Webhook deliveries waiting (due or scheduled for a retry)',
      registers: [registry],
      async collect() {
        this.set(await sources.pendingDeliveries());
      },
    }),
    streamConnections: new Gauge({
      name: 'oriva_stream_connections',
      help: 'Open stream connections, by principal type (app, user, admin)',
      labelNames: ['principal'] as const,
      registers: [registry],
    }),
    streamMessages: new Counter({
      name: 'oriva_stream_messages_total',
      help: 'Events sent to stream clients',
      registers: [registry],
    }),
    streamSlowConsumerCloses: new Counter({
      name: 'oriva_stream_slow_consumer_closes_total',
      help: 'Stream connections closed because their client stopped reading',
      registers: [registry],
    }),
    streamResumes: new Counter({
      name: 'oriva_stream_resumes_total',
      help: 'Stream connections by resume outcome (none, complete, too_old)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    webhooksByState: new Gauge({
      name: 'oriva_webhooks',
      help: 'Webhooks by state (active, disabled)',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const counts = await sources.webhooks();
        this.set({ state: 'active' }, counts.active);
        this.set({ state: 'disabled' }, counts.disabled);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
