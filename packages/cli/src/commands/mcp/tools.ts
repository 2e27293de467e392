/**
 * The tools `oriva mcp` offers. Each is one `defineTool` call: a name, what it does (the agent reads
 * this to choose it), its input as a zod object (from the contract where the API declares one, so an
 * agent sees the same rules the server enforces) and the SDK call. Adding a tool is one more function
 * here and its name in `TOOLS`. Each takes the contract module, which the command imports when it
 * runs (like the SDK, it stays unloaded for `oriva --help`).
 */
import type * as Contract from '@oriva/contract';
import type { NotificationListParams } from '@oriva/sdk';
import { z } from 'zod';
import { overrideAt } from '../../event-types/overrides.js';
import { DEFAULT_TRIGGER_USER, FIXTURE_TYPES, findInCatalogue, trigger } from '../../event-types/trigger.js';
import type { Platform } from './platform.js';

export interface Tool<Input extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: Input;
  /** True when the tool only reads: clients may call it without asking the user first. */
  readOnly: boolean;
  call(args: z.output<Input>, platform: Platform): Promise<unknown>;
}

/** Keeps each tool's `call` typed by its own input. */
export function defineTool<Input extends z.ZodObject>(tool: Tool<Input>): Tool {
  return tool as unknown as Tool;
}

type ToolFactory = (contract: typeof Contract) => Tool;

const WebhookId = z.string().min(1).describe('The webhook id (wh_…), from list_webhooks.');

export const publishEvent: ToolFactory = (contract) =>
  defineTool({
    name: 'publish_event',
    title: 'Publish an event',
    description:
      'Publish one event as the configured app (needs its API key). event_category and event_type join as "<category>.<type>". When the app declared that type, event_data is validated against its JSON Schema first: a mismatch is refused (event_data_invalid, each field in error.fields) and nothing is stored; check with validate_event, read the schema with get_event_type. Pass idempotency_key to make a retry safe.',
    input: contract.PublishEventRequest.extend({ idempotency_key: contract.IdempotencyKey.optional() }),
    readOnly: false,
    async call({ idempotency_key, ...event }, platform) {
      const oriva = await platform.app('app');
      const { success: _success, ...published } = await oriva.events.publish(
        event,
        idempotency_key === undefined ? undefined : { idempotencyKey: idempotency_key },
      );
      return published;
    },
  });

export const listEvents: ToolFactory = (contract) =>
  defineTool({
    name: 'list_events',
    title: 'List events',
    description:
      "Query the configured app's events, newest first. Filter by category, type, user, entity and time; for the next page pass pagination.next_cursor as after.",
    input: contract.ListEventsQuery,
    readOnly: true,
    async call(query, platform) {
      const oriva = await platform.app('app-or-admin');
      // A cursor names the position by itself; an offset beside it would be one more thing to disagree.
      const { offset, ...rest } = query;
      const page = await oriva.events.list(query.after === undefined ? { ...rest, offset } : rest);
      return { events: page.data, pagination: page.pagination };
    },
  });

export const createNotification: ToolFactory = (contract) =>
  defineTool({
    name: 'create_notification',
    title: 'Create a notification',
    description:
      "Create a notification for a user as the configured app (needs its API key). external_id is the app's own id for it; title and notification_type are required, the rest optional.",
    input: contract.createNotificationForms.CreateNotificationRequest,
    readOnly: false,
    async call(notification, platform) {
      const oriva = await platform.app('app');
      const { success: _success, ...created } = await oriva.notifications.create(notification);
      return created;
    },
  });

export const listNotifications: ToolFactory = (contract) =>
  defineTool({
    name: 'list_notifications',
    title: 'List notifications',
    description:
      "Without as_user: the configured app's notifications (filter by user_id, status, external_id). With as_user: that user's feed from every app, as the user sees it (filter by app_id, status incl. \"all\", priority, notification_type, include_muted, group); needs a local server's JWT secret (ORIVA_JWT_SECRET or the data directory). Next page: pass pagination.next_cursor as after.",
    input: z.strictObject({
      as_user: z.string().min(1).optional().describe("List this user's feed, acting as the user."),
      ...contract.ListAppNotificationsQuery.shape,
      // The feed's own filters; the SDK refuses those of the other list before anything is sent.
      ...pick(contract.ListUserNotificationsQuery.shape, [
        'status',
        'app_id',
        'priority',
        'notification_type',
        'include_muted',
        'group',
      ]),
    }),
    readOnly: true,
    async call({ as_user, offset, ...filters }, platform) {
      const oriva = as_user === undefined ? await platform.app('app-or-admin') : await platform.asUser(as_user);
      const query = (filters.after === undefined ? { ...filters, offset } : filters) as NotificationListParams;
      const page = await oriva.notifications.list(query);
      return {
        notifications: page.data,
        pagination: page.pagination,
        ...(as_user === undefined ? {} : { unread_count: page.unreadCount, muted_unread_count: page.mutedUnreadCount }),
      };
    },
  });

export const listWebhooks: ToolFactory = () =>
  defineTool({
    name: 'list_webhooks',
    title: 'List webhooks',
    description: "The configured app's webhooks: URL, subscribed event patterns, whether enabled, failure counts.",
    input: z.strictObject({}),
    readOnly: true,
    async call(_args, platform) {
      const oriva = await platform.app('app-or-admin');
      const { success: _success, ...listed } = await oriva.webhooks.list();
      return listed;
    },
  });

export const listDeliveries: ToolFactory = (contract) =>
  defineTool({
    name: 'list_deliveries',
    title: "List a webhook's deliveries",
    description:
      "One webhook's deliveries, newest first, each with every attempt (status code, error, latency). success=false shows the failed and still retrying ones. Next page: pass pagination.next_cursor as after.",
    input: z.strictObject({ webhook_id: WebhookId, ...contract.ListDeliveriesQuery.shape }),
    readOnly: true,
    async call({ webhook_id, ...query }, platform) {
      const oriva = await platform.app('app-or-admin');
      const page = await oriva.webhooks.deliveries.list(webhook_id, query);
      return { deliveries: page.data, pagination: page.pagination };
    },
  });

export const retryDelivery: ToolFactory = () =>
  defineTool({
    name: 'retry_delivery',
    title: 'Retry a delivery',
    description:
      'Queue one more attempt of a delivery now, whatever its status; the receiver sees the same webhook-id header. Answers the delivery as queued (status pending); list_deliveries shows the outcome.',
    input: z.strictObject({
      webhook_id: WebhookId,
      delivery_id: z.string().min(1).describe('The delivery id (del_…), from list_deliveries.'),
    }),
    readOnly: false,
    async call({ webhook_id, delivery_id }, platform) {
      const oriva = await platform.app('app-or-admin');
      const { success: _success, ...retried } = await oriva.webhooks.deliveries.retry(webhook_id, delivery_id);
      return retried;
    },
  });

export const listEventTypes: ToolFactory = (contract) =>
  defineTool({
    name: 'list_event_types',
    title: 'List event types',
    description:
      "The event catalogue: every app's declared types and the platform's own (notification.*, webhook.*; app_id null), by name, each with its JSON Schema for event_data, examples and version. Filter by category or app_id (that app's types only); next page: pass pagination.next_cursor as after.",
    input: contract.CatalogueQuery,
    readOnly: true,
    async call({ app_id, ...query }, platform) {
      const oriva = await platform.app('app-or-admin');
      const page = await oriva.eventTypes.catalogue({ ...query, appId: app_id });
      return { event_types: page.data, pagination: page.pagination };
    },
  });

export const getEventType: ToolFactory = (contract) =>
  defineTool({
    name: 'get_event_type',
    title: 'Get an event type',
    description:
      'One event type from the catalogue by its qualified name ("session.ended"): its JSON Schema for event_data, examples, version and who declared it. With version: that version of one of the configured app\'s own types.',
    input: z.strictObject({
      event_type: contract.QualifiedEventType.describe('The qualified name, <event_category>.<event_type>.'),
      version: contract.GetEventTypeQuery.shape.version,
    }),
    readOnly: true,
    async call({ event_type, version }, platform) {
      const oriva = await platform.app('app-or-admin');
      if (version !== undefined) return (await oriva.eventTypes.get(event_type, { version })).event_type;
      return findInCatalogue(oriva, event_type, platform.appId());
    },
  });

export const validateEvent: ToolFactory = (contract) =>
  defineTool({
    name: 'validate_event',
    title: 'Validate an event',
    description:
      "Check an event as publish_event would, storing nothing: against its type's JSON Schema and the app's undeclared-types policy. Answers { valid: true, check: { event_type, declared, schema_version } }, or an error event_data_invalid whose fields give each JSON pointer (event_data/duration) and message.",
    input: contract.PublishEventRequest,
    readOnly: true,
    async call(event, platform) {
      const oriva = await platform.app('app');
      const { success: _success, ...checked } = await oriva.eventTypes.validate(event);
      return checked;
    },
  });

export const triggerEvent: ToolFactory = (contract) =>
  defineTool({
    name: 'trigger_event',
    title: 'Trigger an event type',
    description: `Make an event of a type happen, as \`oriva trigger\` does, to exercise a receiver. An app's type is published as the configured app with its first example (or a minimal value generated from its schema), with set applied; the server validates it. The platform's own types happen for real through a fixture: ${FIXTURE_TYPES.join(', ')} (a notification for user_id is created, then changed; set changes the notification's fields; webhook.test goes to the app's enabled webhooks or webhook_id). Answers the events caused, with their ids.`,
    input: z.strictObject({
      event_type: contract.QualifiedEventType.describe('The qualified name, <event_category>.<event_type>.'),
      user_id: contract.UserId.optional().describe(
        `The event's user_id, or who gets the fixture's notification. Default "${DEFAULT_TRIGGER_USER}".`,
      ),
      entity_id: contract.PublishEventRequest.shape.entity_id
        .optional()
        .describe("The event's entity_id, or the fixture notification's external_id. Default: a new trigger_… id."),
      set: z
        .record(z.string().min(1), z.unknown())
        .optional()
        .describe(
          'Fields to override, by dot-separated path into event_data: { "duration": 1500, "mood.label": "calm" }.',
        ),
      webhook_id: WebhookId.optional().describe('webhook.test only: the webhook to test.'),
    }),
    readOnly: false,
    async call({ event_type, user_id, entity_id, set, webhook_id }, platform) {
      const oriva = await platform.app('app');
      return trigger(oriva, {
        eventType: event_type,
        appId: platform.appId(),
        userId: user_id ?? DEFAULT_TRIGGER_USER,
        entityId: entity_id,
        overrides: Object.entries(set ?? {}).map(([path, value]) => overrideAt(path, value)),
        webhookId: webhook_id,
      });
    },
  });

/** In the order `tools/list` shows them. */
const TOOLS: readonly ToolFactory[] = [
  publishEvent,
  listEvents,
  createNotification,
  listNotifications,
  listWebhooks,
  listDeliveries,
  retryDelivery,
  listEventTypes,
  getEventType,
  validateEvent,
  triggerEvent,
];

export function buildTools(contract: typeof Contract): Tool[] {
  return TOOLS.map((tool) => tool(contract));
}

function pick<Shape extends object, Key extends keyof Shape>(shape: Shape, keys: readonly Key[]): Pick<Shape, Key> {
  return Object.fromEntries(keys.map((key) => [key, shape[key]])) as Pick<Shape, Key>;
}
