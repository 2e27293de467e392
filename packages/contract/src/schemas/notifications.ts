import { z } from '@hono/zod-openapi';
import { DESIGN_DOC_EXAMPLE_ONE, DESIGN_DOC_NOTIFICATION } from '../examples.js';
import {
  AppId,
  cleanString,
  dateTimeInput,
  jsonObject,
  MAX_JSON_DEPTH,
  Pagination,
  plainText,
  queryFlag,
  SuccessFlag,
  storable,
  storableString,
  Timestamp,
  UserId,
} from './common.js';

export const MAX_CONTEXT_DATA_BYTES = 16 * 1024;

export const NotificationPriority = z.enum(['low', 'normal', 'high', 'urgent']).openapi('NotificationPriority');
export const NotificationStatus = z
  .enum(['unread', 'read', 'clicked', 'dismissed', 'expired'])
  .openapi('NotificationStatus');
/** The statuses a client may set; `expired` only ever comes from the clock. */
export const SettableStatus = z.enum(['unread', 'read', 'clicked', 'dismissed']).openapi('SettableNotificationStatus');

/** Schemes that run code or smuggle content when a renderer follows them. */
const FORBIDDEN_SCHEMES = ['javascript', 'data', 'vbscript', 'file', 'blob', 'about'];

/**
 * An action link: an app deep link (`workbuddy://session/789`) or an https URL. http is allowed in
 * dev mode only (the server checks), and script-bearing schemes never.
 */
export const ActionUrl = storableString()
  .max(2048)
  .refine(
    (value) => {
      try {
        const scheme = new URL(value).protocol.slice(0, -1).toLowerCase();
        return /^[a-z][a-z0-9+.-]*$/.test(scheme) && !FORBIDDEN_SCHEMES.includes(scheme);
      } catch {
        return false;
      }
    },
    {
      message:
        'must be an https URL or an app deep link (such as workbuddy://session/789); javascript:, data:, vbscript: and file: are refused',
    },
  )
  .openapi({ example: 'workbuddy://session/789' });

/** Image and icon URLs: https (http in dev mode only, checked by the server). */
export const MediaUrl = storable(z.url({ protocol: /^https?$/, message: 'must be an https URL' }).max(2048)).openapi({
  example: 'https://workbuddy.example/images/session.png',
});

const NotificationType = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, {
    message: 'must be 1-64 characters: lowercase letters, digits, "_", "-" or ".", starting with a letter',
  })
  .openapi({ example: 'session_reminder' });

const ContextData = jsonObject().openapi({
  description: `Free-form JSON object, at most ${MAX_CONTEXT_DATA_BYTES} bytes serialized and ${MAX_JSON_DEPTH} levels deep.`,
});

const contentFields = {
  title: cleanString(200).openapi({ example: 'Session starting in 10 minutes' }),
  body: plainText(1000).openapi({ example: 'Your session with Sarah starts soon' }),
  action_url: ActionUrl.nullable(),
  action_label: cleanString(64).nullable().openapi({ example: 'View Session' }),
  image_url: MediaUrl.nullable(),
  icon_url: MediaUrl.nullable(),
  priority: NotificationPriority,
  context_data: ContextData,
  expires_at: dateTimeInput().nullable().openapi({ example: '2025-09-30T12:00:00Z' }),
};

const CreateNotificationFields = z.strictObject({
  external_id: cleanString(255).openapi({
    description: "The app's own id for this notification.",
    example: 'wb_notif_123',
  }),
  user_id: UserId,
  notification_type: NotificationType,
  title: contentFields.title,
  body: contentFields.body.optional().openapi({ description: 'Defaults to empty.' }),
  action_url: ActionUrl.optional(),
  action_label: contentFields.action_label.unwrap().optional(),
  image_url: MediaUrl.optional(),
  icon_url: MediaUrl.optional(),
  priority: NotificationPriority.default('normal'),
  context_data: ContextData.optional(),
  expires_at: dateTimeInput().optional().openapi({ example: '2025-09-30T12:00:00Z' }),
  group_key: cleanString(128).optional().openapi({
    description: 'Notifications sharing a group key collapse into one in a grouped feed.',
    example: 'session_789',
  }),
});

/**
 * The design document's Example 1 posts `notification_id` and `type` and puts context (such as
 * `session_id`) at the top level. That form is accepted: the two names map to `external_id` and
 * `notification_type`, and other unknown top-level fields move into `context_data`.
 */
function fromExampleOneForm(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const body = input as Record<string, unknown>;
  if (!('notification_id' in body) || 'external_id' in body) return input;
  const known = new Set(Object.keys(CreateNotificationFields.shape));
  const { notification_id, type, ...rest } = body;
  const mapped: Record<string, unknown> = { external_id: notification_id };
  if (type !== undefined && rest.notification_type === undefined) mapped.notification_type = type;
  const context: Record<string, unknown> =
    typeof rest.context_data === 'object' && rest.context_data !== null ? { ...(rest.context_data as object) } : {};
  for (const [key, value] of Object.entries(rest)) {
    if (known.has(key)) mapped[key] = value;
    else context[key] = value;
  }
  if (Object.keys(context).length > 0) mapped.context_data = context;
  return mapped;
}

/** The canonical create body, as the document names it. */
const CanonicalCreateNotificationRequest = CreateNotificationFields.openapi('CreateNotificationRequest', {
  example: DESIGN_DOC_NOTIFICATION,
});

const { external_id, notification_type, ...sharedCreateFields } = CreateNotificationFields.shape;

/**
 * The design document's Example 1 form, as the document declares it: `notification_id` and `type` for
 * `external_id` and `notification_type`, and any other top-level field (`session_id`) kept as context.
 * Only documentation: the server reads it through `fromExampleOneForm`.
 */
export const CreateNotificationExampleOneRequest = z
  .looseObject({
    notification_id: external_id,
    type: notification_type,
    ...sharedCreateFields,
  })
  .openapi('CreateNotificationExampleOneRequest', {
    description:
      "The design document's Example 1: `notification_id` is the `external_id`, `type` the `notification_type`, and other top-level fields (such as `session_id`) are stored in `context_data`.",
    example: DESIGN_DOC_EXAMPLE_ONE,
  });

/** The two forms, by the component names the document gives them (the `oneOf` below refers to them by name). */
export const createNotificationForms = {
  CreateNotificationRequest: CanonicalCreateNotificationRequest,
  CreateNotificationExampleOneRequest,
};

/**
 * A create body in either form. The document says `oneOf` the two (they cannot overlap: the canonical
 * form takes no unknown fields, Example 1 needs `notification_id`); the server maps Example 1 onto the
 * canonical fields and validates those, so errors name the canonical fields.
 */
export const CreateNotificationRequest = z
  .unknown()
  .openapi({ oneOf: Object.keys(createNotificationForms).map((name) => ({ $ref: `#/components/schemas/${name}` })) })
  .pipe(z.preprocess(fromExampleOneForm, CreateNotificationFields));

export const CreateNotificationResponse = z
  .object({
    success: SuccessFlag,
    notification_id: z.string().openapi({ example: 'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
    created_at: Timestamp,
  })
  .openapi('CreateNotificationResponse');

export const Notification = z
  .object({
    id: z.string().openapi({ example: 'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
    app_id: AppId,
    app_name: z.string(),
    app_icon: z.string().nullable(),
    external_id: z.string(),
    user_id: z.string(),
    notification_type: z.string(),
    title: z.string(),
    body: z.string(),
    action_url: z.string().nullable(),
    action_label: z.string().nullable(),
    image_url: z.string().nullable(),
    icon_url: z.string().nullable(),
    priority: NotificationPriority,
    status: NotificationStatus,
    context_data: z.record(z.string(), z.unknown()),
    group_key: z.string().nullable(),
    group_count: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'With `group=true`: how many notifications this group holds.' }),
    muted: z.boolean().openapi({ description: "The user muted this app or this app's notification type." }),
    expires_at: Timestamp.nullable(),
    read_at: Timestamp.nullable(),
    clicked_at: Timestamp.nullable(),
    dismissed_at: Timestamp.nullable(),
    dismissed_from: z.string().nullable(),
    click_action: z
      .string()
      .nullable()
      .openapi({ description: 'What the click did, as the click reported it.', example: 'open_session' }),
    delivered_at: Timestamp.nullable().openapi({
      description:
        'When the notification first reached its user: first served in their feed or read by them, or pushed on their stream. Set once; null until then.',
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Notification');

export const NotificationResponse = z
  .object({ success: SuccessFlag, notification: Notification })
  .openapi('NotificationResponse');

export const ListUserNotificationsQuery = z.strictObject({
  status: z.enum(['unread', 'read', 'clicked', 'dismissed', 'expired', 'all']).optional().openapi({
    description:
      'Without it: unread, read and clicked notifications that have not expired, from apps the user has not muted. `all` shows every status.',
  }),
  app_id: AppId.optional().openapi({ description: "Only this app's notifications (shown even if the app is muted)." }),
  priority: NotificationPriority.optional(),
  notification_type: NotificationType.optional(),
  include_muted: queryFlag().optional().openapi({ description: 'Also show notifications of muted apps and types.' }),
  group: queryFlag().optional().openapi({
    description: 'Collapse each `group_key` into its newest notification, with `group_count`.',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ example: 50 }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  after: z
    .string()
    .regex(/^cur_[0-9a-z]{1,26}$/, { message: 'must be pagination.next_cursor from a previous page' })
    .optional()
    .openapi({ description: "Cursor: the previous page's `pagination.next_cursor`, for deep pages." }),
});

export const UnreadCounts = z
  .object({
    unread_count: z
      .number()
      .int()
      .openapi({ description: 'Unread, unexpired notifications from apps and types not muted.' }),
    muted_unread_count: z.number().int().openapi({ description: 'Unread notifications hidden by mutes.' }),
    by_app: z.record(z.string(), z.number().int()).openapi({ description: 'Unread (not muted) per app.' }),
  })
  .openapi('UnreadCounts');

export const ListNotificationsResponse = z
  .object({
    success: SuccessFlag,
    notifications: z.array(Notification),
    pagination: Pagination,
    unread_count: z.number().int(),
    muted_unread_count: z.number().int(),
    stream_position: z.number().int().min(0).openapi({
      description:
        "The stream's position when this page was read: open the stream with `since=<stream_position>` to receive every change after it, none missed (snapshot + position). A change already in the page may arrive again.",
    }),
  })
  .openapi('ListNotificationsResponse');

export const UnreadCountResponse = UnreadCounts.extend({ success: SuccessFlag }).openapi('UnreadCountResponse');

export const ListAppNotificationsQuery = z.strictObject({
  user_id: UserId.optional(),
  status: z.enum(['unread', 'read', 'clicked', 'dismissed', 'expired']).optional(),
  external_id: cleanString(255).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  after: ListUserNotificationsQuery.shape.after,
});

export const ListAppNotificationsResponse = z
  .object({ success: SuccessFlag, notifications: z.array(Notification), pagination: Pagination })
  .openapi('ListAppNotificationsResponse');

export const UpdateNotificationRequest = z
  .strictObject({
    status: SettableStatus.optional(),
    dismissed_from: cleanString(64)
      .optional()
      .openapi({ description: 'Where it was dismissed.', example: 'oriva_core' }),
    click_action: cleanString(128).optional().openapi({ description: 'What the click did.', example: 'open_session' }),
    // Content: the owning app only.
    title: contentFields.title.optional(),
    body: contentFields.body.optional(),
    action_url: contentFields.action_url.optional(),
    action_label: contentFields.action_label.optional(),
    image_url: contentFields.image_url.optional(),
    icon_url: contentFields.icon_url.optional(),
    priority: contentFields.priority.optional(),
    context_data: contentFields.context_data.optional(),
    expires_at: contentFields.expires_at.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'send a status or at least one content field' })
  .openapi('UpdateNotificationRequest', { example: { status: 'dismissed', dismissed_from: 'oriva_core' } });

export const UpdateNotificationResponse = z
  .object({
    success: SuccessFlag,
    notification_id: z.string(),
    status: NotificationStatus,
    updated_at: Timestamp,
    changed: z
      .boolean()
      .openapi({ description: 'False when the request repeated the current state: nothing changed, no event.' }),
  })
  .openapi('UpdateNotificationResponse');

export const ReadAllRequest = z
  .strictObject({
    app_id: AppId.optional(),
    before: dateTimeInput().optional().openapi({ description: 'Only notifications created before this time.' }),
  })
  .openapi('ReadAllRequest');

export const ReadAllResponse = z
  .object({ success: SuccessFlag, count: z.number().int().openapi({ description: 'Notifications marked read.' }) })
  .openapi('ReadAllResponse');

export const Preferences = z
  .object({
    muted_apps: z.array(AppId).max(500),
    muted_types: z
      .record(AppId, z.array(NotificationType).max(200))
      .openapi({ description: 'Per app, notification types the user muted.', example: { 'work-buddy': ['digest'] } }),
  })
  .openapi('Preferences');

/**
 * Both fields may be left out (read as empty). Declared optional, with the empty value applied after
 * parsing rather than as a zod `.default()`: openapi-typescript reads a `default` in a named schema as
 * "always present" and would make typed clients send both.
 */
export const PutPreferencesRequest = z
  .strictObject({
    muted_apps: Preferences.shape.muted_apps.optional().openapi({ description: 'Apps the user muted. Default: none.' }),
    muted_types: Preferences.shape.muted_types
      .optional()
      .openapi({ description: 'Per app, notification types the user muted. Default: none.' }),
  })
  .openapi('PutPreferencesRequest')
  .transform(({ muted_apps = [], muted_types = {} }) => ({ muted_apps, muted_types }));

export const PreferencesResponse = z
  .object({ success: SuccessFlag, preferences: Preferences, updated_at: Timestamp.nullable() })
  .openapi('PreferencesResponse');
