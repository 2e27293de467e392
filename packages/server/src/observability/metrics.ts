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

/** The caches whose reads `oriva_cache_requests_total` counts, and what a read can find. */
export const CACHES = ['feed', 'unread_count'] as const;
export const CACHE_RESULTS = ['hit', 'miss', 'error'] as const;
export type CacheName = (typeof CACHES)[number];
export type CacheResult = (typeof CACHE_RESULTS)[number];

/** Why an event could not be stored: the database out of reach (503, worth retrying), or anything else (500). */
export const PUBLISH_FAILURE_REASONS = ['unavailable', 'error'] as const;

/**
 * A value read from storage at scrape time, NaN ("unknown") when storage fails: one failing read must
 * not fail the whole scrape, or an unreachable database would look like a server that is down, and the
 * storage error counters that tell the two apart would be lost with it.
 */
function unknownOnFailure(read: Promise<number>): Promise<number> {
  return read.catch(() => Number.NaN);
}

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
  const dbQueryDuration = new Histogram({
    name: 'oriva_db_query_duration_seconds',
    help: 'Storage calls (one statement or one transaction, waits for the writer included), by port and method',
    labelNames: ['operation'] as const,
    // Around the design document's 100 ms query target, with room below for SQLite's sub-millisecond reads.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const dbQueryErrors = new Counter({
    name: 'oriva_db_query_errors_total',
    help: 'Storage calls that failed, by port and method',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const eventPublishFailures = new Counter({
    name: 'oriva_event_publish_failures_total',
    help: 'Events (and notifications, which publish one) that could not be stored: unavailable (503, retry) or error (500)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const webhookDeliveries = new Counter({
    name: 'oriva_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome (succeeded, retrying, failed, aborted)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const cacheRequests = new Counter({
    name: 'oriva_cache_requests_total',
    help: 'Reads of the feed cache (feed pages, unread counts) by result: hit, miss, or error (the cache could not be asked; the database answered)',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });
  // Made once: a labelled child per pair, so a read costs no hashing of label objects.
  const cacheRequestsBy = new Map<string, ReturnType<typeof cacheRequests.labels>>();
  for (const cache of CACHES)
    for (const result of CACHE_RESULTS) {
      const child = cacheRequests.labels({ cache, result });
      child.inc(0);
      cacheRequestsBy.set(`${cache}:${result}`, child);
    }
  // Series an alert divides or takes the rate of exist from the start at 0: a series born at its first
  // increment hides that increment from rate(), and a ratio over a missing series is no ratio at all.
  for (const reason of PUBLISH_FAILURE_REASONS) eventPublishFailures.inc({ reason }, 0);
  for (const outcome of ['succeeded', 'retrying', 'failed', 'aborted'] as const) webhookDeliveries.inc({ outcome }, 0);
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
    /** `oriva_cache_requests_total{cache,result}` += 1. */
    countCacheRequest(cache: CacheName, result: CacheResult) {
      cacheRequestsBy.get(`${cache}:${result}`)!.inc();
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
    webhookDeliveries,
    eventPublishFailures,
    /**
     * Times one storage call as `oriva_db_query_duration_seconds{operation}`, and counts it in
     * `oriva_db_query_errors_total` when it failed. Returns the observer for that operation, made once.
     */
    storageCallObserver(operation: string) {
      const duration = dbQueryDuration.labels({ operation });
      const errorCount = dbQueryErrors.labels({ operation });
      return (seconds: number, failed: boolean) => {
        duration.observe(seconds);
        if (failed) errorCount.inc();
      };
    },
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
        this.set(await unknownOnFailure(sources.pendingDeliveries()));
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
    streamDisconnects: new Counter({
      name: 'oriva_stream_disconnects_total',
      help: 'Stream connections closed, by principal type and reason (see docs/operations.md)',
      labelNames: ['principal', 'reason'] as const,
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
    storageCircuitState: new Gauge({
      name: 'oriva_storage_circuit_state',
      help: 'The storage circuit breaker: 0 closed (database reachable), 1 half-open (probing with traffic), 2 open (requests refused with 503)',
      registers: [registry],
    }),
    storageCircuitOpens: new Counter({
      name: 'oriva_storage_circuit_opens_total',
      help: 'Times the storage circuit breaker opened (the database became unreachable or too slow)',
      registers: [registry],
    }),
    storageCircuitRejections: new Counter({
      name: 'oriva_storage_circuit_rejected_requests_total',
      help: 'Requests answered 503 storage_unavailable at once because the storage circuit breaker was open',
      registers: [registry],
    }),
    webhooksByState: new Gauge({
      name: 'oriva_webhooks',
      help: 'Webhooks by state (active, disabled)',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const counts = await sources.webhooks().catch(() => ({ active: Number.NaN, disabled: Number.NaN }));
        this.set({ state: 'active' }, counts.active);
        this.set({ state: 'disabled' }, counts.disabled);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
