/**
 * The storage ports: one interface per aggregate (ports/), composed into `Storage`. Routes and services
 * see only these; SQL lives in the adapters (sqlite/, postgres/), each aggregate in its own
 * `sql/<aggregate>.ts`, and the storage contract (contract/) runs against every adapter.
 */
import type { AppStore } from './ports/apps.js';
import type { ArchiveStore } from './ports/archive.js';
import type { ConsumerStore } from './ports/consumers.js';
import type { DeliveryStore } from './ports/deliveries.js';
import type { EventTypeStore } from './ports/event-types.js';
import type { EventStore } from './ports/events.js';
import type { IdempotencyStore } from './ports/idempotency.js';
import type { JobStore } from './ports/jobs.js';
import type { NotificationStore } from './ports/notifications.js';
import type { PreferenceStore } from './ports/preferences.js';
import type { StatsStore } from './ports/stats.js';
import type { UserStore } from './ports/users.js';
import type { WebhookStore } from './ports/webhooks.js';

export * from './ports/apps.js';
export * from './ports/archive.js';
export * from './ports/consumers.js';
export * from './ports/deliveries.js';
export * from './ports/event-types.js';
export * from './ports/events.js';
export * from './ports/idempotency.js';
export * from './ports/jobs.js';
export * from './ports/notifications.js';
export * from './ports/preferences.js';
export * from './ports/stats.js';
export * from './ports/users.js';
export * from './ports/webhooks.js';

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
  readonly apps: AppStore;
  readonly events: EventStore;
  readonly eventTypes: EventTypeStore;
  readonly notifications: NotificationStore;
  readonly preferences: PreferenceStore;
  readonly users: UserStore;
  readonly webhooks: WebhookStore;
  readonly deliveries: DeliveryStore;
  readonly idempotency: IdempotencyStore;
  readonly jobs: JobStore;
  readonly stats: StatsStore;
  readonly consumers: ConsumerStore;
  readonly archive: ArchiveStore;
}
