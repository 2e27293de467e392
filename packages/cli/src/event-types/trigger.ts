/**
 * Triggering an event type, like `stripe trigger`: the one code path of `oriva trigger` and the MCP
 * `trigger_event` tool.
 *
 * - An app's type (`session.ended`) is looked up in the catalogue and published as the configured app
 *   with its first example, or, when it has none, a minimal value generated from its schema
 *   (example.ts). `--set` overrides go on top; the server validates the result, so a mismatch comes
 *   back as its 422 `event_data_invalid` naming each field.
 * - The platform's own types are never published by hand, since the server records them itself:
 *   a fixture makes the server do it. `notification.dismissed` creates a notification for the user,
 *   then dismisses it, so the real `notification.created` and `notification.dismissed` events flow to
 *   `oriva listen`, the stream and webhooks; `webhook.test` sends the test event to the app's webhooks.
 */
import type { EventType, Oriva, PublishEventRequest } from '@oriva/sdk';
import { UserError } from '../errors.js';
import { type ExampleGap, minimalExample } from './example.js';
import { applyOverrides, type Override } from './overrides.js';

export interface TriggerParams {
  /** The qualified type: `session.ended`. */
  eventType: string;
  /** The configured app, which publishes. */
  appId: string;
  /** Whose event it is (`user_id`), or who receives the fixture's notification. */
  userId: string;
  /** `entity_id` of the event, or `external_id` of the fixture's notification. Default: a new `trigger_…` id. */
  entityId?: string | undefined;
  /** Applied to `event_data` (a fixture's notification fields for `notification.*`). */
  overrides?: readonly Override[] | undefined;
  /** `webhook.test` only: the webhook to test. Default: every enabled webhook of the app. */
  webhookId?: string | undefined;
}

/** What a trigger did, as `--json` prints it and the MCP tool answers. */
export interface TriggerResult {
  event_type: string;
  /** Where `event_data` came from: the type's first example, the schema, or a platform fixture. */
  source: 'example' | 'generated' | 'fixture';
  /** The events it caused, in order. `event_id` is null when the event could not be found afterwards. */
  events: { type: string; event_id: string | null }[];
  /** The published event, for an app's type. */
  event?: PublishEventRequest;
  /** Who declared the type: the app, another app, or null for the platform's own. */
  declared_by?: string | null;
  /** Where the generated value may not satisfy the schema (the server has the last word). */
  gaps?: ExampleGap[];
  /** The fixture's notification. */
  notification_id?: string;
  /** `webhook.test`: one delivery per webhook tested. */
  deliveries?: { webhook_id: string; delivery_id: string; event_id: string }[];
}

/** The default user of a trigger: a recognisable stand-in, as Stripe's fixtures make their own customer. */
export const DEFAULT_TRIGGER_USER = 'user_trigger';

type NotificationStep = (oriva: Oriva, id: string) => Promise<unknown>;

/**
 * What each `notification.*` fixture does after creating the notification, and the events it causes
 * after `notification.created`. `expired` (the sweeper's) and `read_all` (a user's) are not here.
 */
const NOTIFICATION_FIXTURES: Record<string, { steps: NotificationStep[]; events: string[] }> = {
  'notification.created': { steps: [], events: [] },
  'notification.read': { steps: [(oriva, id) => oriva.notifications.markRead(id)], events: ['notification.read'] },
  'notification.clicked': {
    steps: [(oriva, id) => oriva.notifications.markClicked(id, { click_action: 'oriva_trigger' })],
    events: ['notification.clicked'],
  },
  'notification.dismissed': {
    steps: [(oriva, id) => oriva.notifications.dismiss(id, { dismissed_from: 'oriva_trigger' })],
    events: ['notification.dismissed'],
  },
  'notification.unread': {
    steps: [(oriva, id) => oriva.notifications.markRead(id), (oriva, id) => oriva.notifications.markUnread(id)],
    events: ['notification.read', 'notification.unread'],
  },
  'notification.updated': {
    steps: [(oriva, id) => oriva.notifications.update(id, { title: 'Updated by oriva trigger' })],
    events: ['notification.updated'],
  },
  'notification.deleted': {
    steps: [(oriva, id) => oriva.notifications.delete(id)],
    events: ['notification.deleted'],
  },
};

/** The platform's types that only the server's own work records. */
const NOT_TRIGGERABLE: Record<string, string> = {
  'notification.expired': 'the server records it when a notification passes its expires_at',
  'notification.read_all': 'a user records it by marking their feed read (oriva notifications read-all --as-user …)',
  'webhook.disabled': 'the server records it when a webhook keeps failing or answers 410 Gone',
};

/** The types `oriva trigger` has a fixture for, beside every declared app type. */
export const FIXTURE_TYPES = [...Object.keys(NOTIFICATION_FIXTURES), 'webhook.test'];

export async function trigger(oriva: Oriva, params: TriggerParams): Promise<TriggerResult> {
  const name = params.eventType;
  if (Object.hasOwn(NOT_TRIGGERABLE, name)) {
    throw new UserError(`${name} cannot be triggered: ${NOT_TRIGGERABLE[name]}`, {
      hint: `types with a fixture: ${FIXTURE_TYPES.join(', ')}`,
    });
  }
  if (params.webhookId !== undefined && name !== 'webhook.test') {
    throw new UserError('a webhook id applies to webhook.test only');
  }
  if (Object.hasOwn(NOTIFICATION_FIXTURES, name)) return triggerNotification(oriva, params);
  if (name === 'webhook.test') return triggerWebhookTest(oriva, params);
  return publishDeclared(oriva, params);
}

async function publishDeclared(oriva: Oriva, params: TriggerParams): Promise<TriggerResult> {
  const eventType = await findInCatalogue(oriva, params.eventType, params.appId);
  const example = eventType.examples[0];
  const generated = example === undefined ? minimalExample(eventType.schema) : undefined;
  const base = example ?? generated?.value;
  if (!isObject(base)) {
    throw new UserError(`the schema of ${eventType.name} does not describe an object, so no event_data can be made`, {
      hint: `declare an example: oriva event-types push …`,
    });
  }
  const event: PublishEventRequest = {
    event_category: eventType.event_category,
    event_type: eventType.event_type,
    entity_type: eventType.event_category,
    entity_id: params.entityId ?? newTriggerId(),
    user_id: params.userId,
    event_data: applyOverrides(base, params.overrides ?? []),
  };
  const published = await oriva.events.publish(event);
  return {
    event_type: eventType.name,
    source: example === undefined ? 'generated' : 'example',
    events: [{ type: eventType.name, event_id: published.event_id }],
    event,
    declared_by: eventType.app_id,
    ...(generated ? { gaps: generated.gaps } : {}),
  };
}

/**
 * The type's catalogue entry: the app's own declaration first, then another app's (the event is
 * still published as the configured app, and held to the schema only if the app declares it too).
 */
export async function findInCatalogue(oriva: Oriva, name: string, appId: string): Promise<EventType> {
  const [category] = name.split('.');
  const found: EventType[] = [];
  for await (const eventType of oriva.eventTypes.catalogue({ category, limit: 500 })) {
    if (eventType.name === name) found.push(eventType);
  }
  const chosen = found.find((eventType) => eventType.app_id === appId) ?? found[0];
  if (!chosen) {
    throw new UserError(`${name} is not in the catalogue`, {
      hint: `declare it (oriva event-types push …), or pick one from: oriva event-types list; platform types with a fixture: ${FIXTURE_TYPES.join(', ')}`,
    });
  }
  return chosen;
}

async function triggerNotification(oriva: Oriva, params: TriggerParams): Promise<TriggerResult> {
  const fixture = NOTIFICATION_FIXTURES[params.eventType] as { steps: NotificationStep[]; events: string[] };
  const externalId = params.entityId ?? newTriggerId();
  const notification = applyOverrides(
    {
      external_id: externalId,
      user_id: params.userId,
      notification_type: 'trigger',
      title: `Triggered: ${params.eventType}`,
      body: 'Sent by oriva trigger to exercise a receiver.',
    },
    params.overrides ?? [],
  );
  const { notification_id } = await oriva.notifications.create(
    notification as unknown as Parameters<typeof oriva.notifications.create>[0],
  );
  for (const step of fixture.steps) await step(oriva, notification_id);
  const types = ['notification.created', ...fixture.events];
  return {
    event_type: params.eventType,
    source: 'fixture',
    events: await recordedEvents(oriva, String(notification.external_id), types),
    notification_id,
  };
}

/** The server records a notification's events under its external id: find them, oldest first. */
async function recordedEvents(
  oriva: Oriva,
  externalId: string,
  types: readonly string[],
): Promise<TriggerResult['events']> {
  const page = await oriva.events.list({ event_category: 'notification', entity_id: externalId, limit: 100 });
  const recorded = [...page.data].reverse();
  const used = new Set<string>();
  return types.map((type) => {
    const match = recorded.find((event) => event.type === type && !used.has(event.id));
    if (match) used.add(match.id);
    return { type, event_id: match?.id ?? null };
  });
}

async function triggerWebhookTest(oriva: Oriva, params: TriggerParams): Promise<TriggerResult> {
  if (params.overrides?.length)
    throw new UserError('webhook.test takes no overrides: the server writes its event_data');
  const { webhooks } = await oriva.webhooks.list();
  const targets =
    params.webhookId === undefined
      ? webhooks.filter((webhook) => webhook.is_active).map((webhook) => webhook.id)
      : [params.webhookId];
  if (targets.length === 0) {
    throw new UserError(`app ${params.appId} has no enabled webhook to send webhook.test to`, {
      hint: 'create one: oriva webhooks create --url http://localhost:3000/api/oriva-events --events "*"',
    });
  }
  const deliveries: NonNullable<TriggerResult['deliveries']> = [];
  for (const webhookId of targets) {
    const result = await oriva.webhooks.test(webhookId);
    deliveries.push({ webhook_id: webhookId, delivery_id: result.delivery_id, event_id: result.event_id });
  }
  return {
    event_type: 'webhook.test',
    source: 'fixture',
    events: deliveries.map((delivery) => ({ type: 'webhook.test', event_id: delivery.event_id })),
    deliveries,
  };
}

/** A fresh entity id, so each trigger is its own entity (a notification's external id must be new). */
function newTriggerId(): string {
  return `trigger_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
