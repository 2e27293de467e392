/**
 * Work Buddy, the design document's example app: it creates notifications in Oriva with `@oriva/sdk`
 * and keeps its own copy of their state in sync from Oriva's verified webhooks.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { APIError, type CreateNotificationRequest, type Event, Oriva } from '@oriva/sdk';
import { type WebhookEnv, webhookMiddleware } from '@oriva/webhook-verify/hono';
import { Hono } from 'hono';
import { html } from 'hono/html';

export interface WorkBuddyOptions {
  /** The Oriva server: its origin (`http://127.0.0.1:8787`) or API base. */
  orivaBaseUrl: string;
  /** Work Buddy's API key (`ok_…`). */
  apiKey: string;
  /** Default `work-buddy`. */
  appId?: string;
  /** Port to listen on, on 127.0.0.1. Default 0: any free port. */
  port?: number;
  /** Where Oriva reaches this app, when not `http://127.0.0.1:<port>` (a tunnel, a deployment). */
  publicUrl?: string;
  /** The webhook's secret, when the webhook already exists and you kept it; otherwise it is rotated. */
  webhookSecret?: string;
}

/** Work Buddy's own record of a notification it created. */
export interface LocalNotification {
  external_id: string;
  task_id: string | null;
  user_id: string;
  title: string;
  /** `unread` when created; then whatever Oriva reported last: `read`, `clicked`, `dismissed`, `deleted`… */
  status: string;
  /** Oriva's platform id (`ntf_…`). */
  notification_id: string | null;
  /** When the status last changed (the event's timestamp). */
  updated_at: string;
}

export interface WorkBuddy {
  url: string;
  webhookUrl: string;
  webhookId: string;
  /** Local state, by external id. */
  notifications: Map<string, LocalNotification>;
  /** Every verified webhook event, in arrival order. */
  events: Event[];
  /** Resolves with the first received event (past or future) that matches; rejects after `timeoutMs`. */
  waitForEvent(predicate: (event: Event) => boolean, timeoutMs?: number): Promise<Event>;
  close(): Promise<void>;
}

/** Events that report a new status of one of our notifications (`notification.<status>`). */
const STATUS_EVENTS = new Set(['read', 'clicked', 'dismissed', 'unread', 'expired', 'deleted']);

/** What `POST /tasks/:id/remind` takes: the user, and optionally our id and the text. */
interface RemindRequest {
  user_id: string;
  external_id?: string;
  title?: string;
  body?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The design document's Example 1 notification, for task `taskId`. */
function reminderFor(taskId: string, input: RemindRequest): CreateNotificationRequest {
  return {
    external_id: input.external_id ?? `wb_notif_${taskId}`,
    user_id: input.user_id,
    notification_type: 'session_reminder',
    title: input.title ?? 'Session starting in 10 minutes',
    body: input.body ?? 'Your session with Sarah starts soon',
    action_url: `workbuddy://session/${taskId}`,
    action_label: 'View Session',
    priority: 'high',
    context_data: { session_id: `session_${taskId}`, task_id: taskId },
  };
}

/**
 * Starts Work Buddy: registers (or reuses, by URL) its `notification.*` webhook and serves
 * `POST /webhooks/oriva`, `POST /tasks/:id/remind` and `GET /`.
 *
 * @example
 * const buddy = await startWorkBuddy({ orivaBaseUrl: 'http://127.0.0.1:8787', apiKey: process.env.ORIVA_API_KEY! });
 * await fetch(`${buddy.url}/tasks/789/remind`, { method: 'POST', body: JSON.stringify({ user_id: 'user_456' }) });
 */
export async function startWorkBuddy(options: WorkBuddyOptions): Promise<WorkBuddy> {
  const appId = options.appId ?? 'work-buddy';
  const oriva = new Oriva({ apiKey: options.apiKey, appId, baseUrl: options.orivaBaseUrl });
  const notifications = new Map<string, LocalNotification>();
  const events: Event[] = [];
  const waiters = new Set<(event: Event) => void>();
  const seenDeliveries = new Set<string>();

  // The secret only exists once the webhook does, and the webhook needs our URL: listen first.
  let secret = '';
  const app = new Hono<WebhookEnv<Event>>();

  app.post('/webhooks/oriva', webhookMiddleware({ secret: () => secret }), (c) => {
    // Delivery is at least once: a retry carries the same webhook-id.
    const deliveryId = c.req.header('webhook-id') ?? '';
    if (seenDeliveries.has(deliveryId)) return c.body(null, 204);
    seenDeliveries.add(deliveryId);
    const event = c.get('webhookEvent');
    events.push(event);
    if (event.event_category === 'notification' && STATUS_EVENTS.has(event.event_type)) {
      const local = notifications.get(event.entity_id);
      // Deliveries can arrive out of order: an older change never overwrites a newer one.
      if (local && local.updated_at <= event.timestamp) {
        notifications.set(event.entity_id, { ...local, status: event.event_type, updated_at: event.timestamp });
      }
    }
    for (const waiter of waiters) waiter(event);
    return c.body(null, 204);
  });

  app.post('/tasks/:id/remind', async (c) => {
    const input = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const userId = text(input.user_id);
    if (!userId) return c.json({ error: 'user_id is required' }, 400);
    const params = reminderFor(c.req.param('id'), {
      user_id: userId,
      external_id: text(input.external_id),
      title: text(input.title),
      body: text(input.body),
    });
    const created = await oriva.notifications.create(params);
    const local: LocalNotification = {
      external_id: params.external_id,
      task_id: c.req.param('id'),
      user_id: params.user_id,
      title: params.title,
      status: 'unread',
      notification_id: created.notification_id,
      updated_at: created.created_at,
    };
    notifications.set(local.external_id, local);
    return c.json(local, 201);
  });

  app.onError((error, c) => {
    // Oriva refused a call (say, a 409 for an external_id reused with other content): a bad gateway, with its reason.
    if (error instanceof APIError) return c.json({ error: { code: error.code, message: error.message } }, 502);
    throw error;
  });

  app.get('/', (c) => {
    const list = [...notifications.values()];
    if (!c.req.header('accept')?.includes('text/html')) return c.json({ notifications: list });
    // hono/html escapes every interpolated value: titles come from users.
    return c.html(html`<!doctype html>
      <title>Work Buddy</title>
      <h1>Work Buddy notifications</h1>
      <ul>
        ${list.map((n) => html`<li>${n.title} <small>(${n.external_id}, for ${n.user_id})</small>: <b>${n.status}</b></li>`)}
      </ul>`);
  });

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // Oriva keeps delivery connections alive
    });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const webhookUrl = `${(options.publicUrl ?? url).replace(/\/$/, '')}/webhooks/oriva`;

  try {
    const subscription = { subscribed_events: ['notification.*'] };
    const existing = (await oriva.webhooks.list()).webhooks.find((w) => w.webhook_url === webhookUrl);
    let webhookId: string;
    if (existing) {
      webhookId = existing.id;
      await oriva.webhooks.update(webhookId, { ...subscription, is_active: true });
      // A secret is shown once, at creation: without the saved one, rotate to learn a new one.
      secret =
        options.webhookSecret ??
        (await oriva.webhooks.rotateSecret(webhookId, { grace_period_seconds: 0 })).webhook_secret;
    } else {
      const created = await oriva.webhooks.create({
        webhook_url: webhookUrl,
        ...subscription,
        description: 'Work Buddy',
      });
      webhookId = created.webhook_id;
      secret = created.webhook_secret;
    }

    return {
      url,
      webhookUrl,
      webhookId,
      notifications,
      events,
      close,
      waitForEvent(predicate, timeoutMs = 10_000) {
        const past = events.find(predicate);
        if (past) return Promise.resolve(past);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`Work Buddy received no matching webhook within ${timeoutMs} ms`));
          }, timeoutMs);
          const waiter = (event: Event) => {
            if (!predicate(event)) return;
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(event);
          };
          waiters.add(waiter);
        });
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
