/**
 * Work Buddy, the design document's example app: it creates notifications in Oriva with `@oriva/sdk`
 * and keeps its own copy of their state in sync from Oriva's verified webhooks. An Express app, like the
 * design document's Step 4.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIError, type CreateNotificationRequest, Oriva, type WebhookPayload } from '@oriva/sdk';
import { verifyWebhookSignature } from '@oriva/webhook-verify';
import express, { type NextFunction, type Request, type Response } from 'express';
import { declareEventTypes, type TaskReminded } from './event-types.js';
import { InMemoryNotificationRepository, type LocalNotification } from './notification-repository.js';

export type { LocalNotification } from './notification-repository.js';

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

export interface WorkBuddy {
  url: string;
  webhookUrl: string;
  webhookId: string;
  /** The event types Work Buddy declared in Oriva's catalogue at start (`task.reminded`). */
  eventTypes: string[];
  /** Local state, by external id. */
  notifications: InMemoryNotificationRepository;
  /** Every verified webhook event, in arrival order. */
  events: WebhookPayload[];
  /** Resolves with the first received event (past or future) that matches; rejects after `timeoutMs`. */
  waitForEvent(predicate: (event: WebhookPayload) => boolean, timeoutMs?: number): Promise<WebhookPayload>;
  close(): Promise<void>;
}

/** Where Oriva delivers, as in the design document's Step 3. */
export const WEBHOOK_PATH = '/api/oriva-events';

/** Beyond the design document's example, which follows dismissals: the user's other changes, followed the same way. */
const OTHER_STATUS_EVENTS: Readonly<Record<string, string>> = {
  'notification.read': 'read',
  'notification.clicked': 'clicked',
  'notification.unread': 'unread',
  'notification.expired': 'expired',
  'notification.deleted': 'deleted',
};

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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Titles come from users: every value on the page goes through this. */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

/**
 * Starts Work Buddy: declares its event types, registers (or reuses, by URL) its `notification.*` webhook and serves
 * `POST /api/oriva-events`, `POST /tasks/:id/remind` and `GET /`.
 *
 * @example
 * const buddy = await startWorkBuddy({ orivaBaseUrl: 'http://127.0.0.1:8787', apiKey: process.env.ORIVA_API_KEY! });
 * await fetch(`${buddy.url}/tasks/789/remind`, { method: 'POST', body: JSON.stringify({ user_id: 'user_456' }) });
 */
export async function startWorkBuddy(options: WorkBuddyOptions): Promise<WorkBuddy> {
  const appId = options.appId ?? 'work-buddy';
  const oriva = new Oriva({ apiKey: options.apiKey, appId, baseUrl: options.orivaBaseUrl });
  // Named as the design document's Step 4 calls it.
  const NotificationRepository = new InMemoryNotificationRepository();
  const events: WebhookPayload[] = [];
  const waiters = new Set<(event: WebhookPayload) => void>();

  // The secret only exists once the webhook does, and the webhook needs our URL: listen first.
  let webhookSecret = '';
  const app = express();

  // The design document's Step 4, as it is written. express.raw() leaves req.body as the bytes Oriva signed; for every
  // content type, so a forged request that claims another one still gets its 401 rather than an unread body.
  app.post(WEBHOOK_PATH, express.raw({ type: '*/*' }), async (req, res) => {
    // Verify webhook signature
    const signature = req.headers['x-oriva-signature'];
    const isValid = verifyWebhookSignature(req.body, signature, webhookSecret);

    if (!isValid) {
      return res.status(401).json({ error: 'Invalid signature' });
    }

    // The verified bytes, parsed now (with express.json() they would have been parsed, and altered, before the check).
    const event: WebhookPayload = JSON.parse(req.body);

    if (event.event_type === 'notification.dismissed') {
      // Update local notification state
      await NotificationRepository.updateStatus(event.entity_id, 'dismissed');
    }
    const status = OTHER_STATUS_EVENTS[event.event_type];
    if (status) await NotificationRepository.updateStatus(event.entity_id, status);

    res.status(200).json({ success: true });
    events.push(event);
    for (const waiter of waiters) waiter(event);
  });

  // `curl -d` sends a form content type: read the body as JSON whatever it says.
  app.post('/tasks/:id/remind', express.json({ type: () => true }), async (req, res) => {
    const input = (req.body ?? {}) as Record<string, unknown>;
    const userId = text(input.user_id);
    if (!userId) return res.status(400).json({ error: 'user_id is required' });
    const taskId = req.params.id!;
    const params = reminderFor(taskId, {
      user_id: userId,
      external_id: text(input.external_id),
      title: text(input.title),
      body: text(input.body),
    });
    const created = await oriva.notifications.create(params);
    // Work Buddy's own event, validated by Oriva against the schema it declared at start.
    const reminded: TaskReminded = {
      task_id: taskId,
      session_id: `session_${taskId}`,
      notification_external_id: params.external_id,
      starts_in_minutes: 10,
    };
    await oriva.events.publish({
      event_category: 'task',
      event_type: 'reminded',
      entity_type: 'task',
      entity_id: taskId,
      user_id: userId,
      event_data: { ...reminded },
    });
    const local: LocalNotification = {
      external_id: params.external_id,
      task_id: taskId,
      user_id: params.user_id,
      title: params.title,
      status: 'unread',
      notification_id: created.notification_id,
      updated_at: created.created_at,
    };
    await NotificationRepository.add(local);
    res.status(201).json(local);
  });

  app.get('/', (req, res) => {
    const list = NotificationRepository.list();
    if (!req.get('accept')?.includes('text/html')) return res.json({ notifications: list });
    const items = list
      .map(
        (n) =>
          `<li>${escapeHtml(n.title)} <small>(${escapeHtml(n.external_id)}, for ${escapeHtml(n.user_id)})</small>: <b>${escapeHtml(n.status)}</b></li>`,
      )
      .join('\n');
    res
      .type('html')
      .send(`<!doctype html>\n<title>Work Buddy</title>\n<h1>Work Buddy notifications</h1>\n<ul>\n${items}\n</ul>\n`);
  });

  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    // Oriva refused a call (say, a 409 for an external_id reused with other content): a bad gateway, with its reason.
    if (error instanceof APIError) return res.status(502).json({ error: { code: error.code, message: error.message } });
    next(error);
  });

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // Oriva keeps delivery connections alive
    });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const webhookUrl = `${(options.publicUrl ?? url).replace(/\/$/, '')}${WEBHOOK_PATH}`;

  try {
    const eventTypes = await declareEventTypes(oriva);
    const subscription = { subscribed_events: ['notification.*'] };
    const existing = (await oriva.webhooks.list()).webhooks.find((w) => w.webhook_url === webhookUrl);
    let webhookId: string;
    if (existing) {
      webhookId = existing.id;
      await oriva.webhooks.update(webhookId, { ...subscription, is_active: true });
      // A secret is shown once, at creation: without the saved one, rotate to learn a new one.
      webhookSecret =
        options.webhookSecret ??
        (await oriva.webhooks.rotateSecret(webhookId, { grace_period_seconds: 0 })).webhook_secret;
    } else {
      const created = await oriva.webhooks.create({
        webhook_url: webhookUrl,
        ...subscription,
        description: 'Work Buddy',
      });
      webhookId = created.webhook_id;
      webhookSecret = created.webhook_secret;
    }

    return {
      url,
      webhookUrl,
      webhookId,
      eventTypes,
      notifications: NotificationRepository,
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
          const waiter = (event: WebhookPayload) => {
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
