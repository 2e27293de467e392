import { z } from '@hono/zod-openapi';
import { EVENT_PATTERN } from '../events/patterns.js';
import { cleanString, dateTimeInput, queryFlag, SuccessFlag, storable, storableString, Timestamp } from './common.js';
import { Event } from './events.js';

/** Exact types (`notification.dismissed`), a category (`notification.*`) or everything (`*`). */
export const WebhookEventPattern = z
  .string()
  .regex(EVENT_PATTERN, {
    message: 'must be "*", "<category>.*" or "<category>.<type>", such as notification.dismissed',
  })
  .openapi({ example: 'notification.*' });

export const DEFAULT_WEBHOOK_MAX_RETRIES = 5;
export const DEFAULT_WEBHOOK_BACKOFF_SECONDS = 1;
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 60 * 60;

const WebhookUrl = storable(z.url({ protocol: /^https?$/, message: 'must be an https URL' }).max(2048)).openapi({
  example: 'https://workbuddy.example/api/oriva-events',
});

export const SignatureScheme = z.enum(['hmac', 'ed25519']).openapi('SignatureScheme', {
  description:
    "`hmac` (default): Standard Webhooks `v1` signatures, HMAC-SHA256 with the `whsec_` secret. `ed25519`: `v1a` signatures with a key pair whose public key (`whpk_`) is published in the app's JWKS; receivers verify without holding a secret.",
});

export const WebhookPublicKey = z
  .object({
    kid: z.string().openapi({ description: 'RFC 7638 JWK thumbprint of the key, its `kid` in the JWKS.' }),
    public_key: z.string().openapi({ example: 'whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=' }),
    expires_at: Timestamp.nullable().openapi({
      description: 'Null for the current key; for the key a rotation replaced, when it stops signing.',
    }),
  })
  .openapi('WebhookPublicKey');

export const Webhook = z
  .object({
    id: z.string().openapi({ example: 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
    app_id: z.string(),
    webhook_url: z.string(),
    subscribed_events: z.array(z.string()),
    description: z.string().nullable(),
    is_active: z.boolean(),
    disabled_reason: z.string().nullable(),
    max_retries: z.number().int(),
    retry_backoff_seconds: z.number().int(),
    last_delivery_at: Timestamp.nullable(),
    last_success_at: Timestamp.nullable(),
    last_failure_at: Timestamp.nullable(),
    consecutive_failures: z
      .number()
      .int()
      .openapi({ description: 'Delivery attempts that failed in a row, up to the latest; a success resets it.' }),
    total_deliveries: z
      .number()
      .int()
      .openapi({ description: 'Delivery attempts made: every try of every delivery, retries included.' }),
    total_failures: z.number().int().openapi({ description: 'Delivery attempts that failed.' }),
    previous_secret_expires_at: Timestamp.nullable().openapi({
      description: 'While set (after a rotation), deliveries are signed with the old secret too.',
    }),
    signature_scheme: SignatureScheme,
    public_key: z.string().nullable().openapi({
      description: 'The Ed25519 public key (`whpk_`) deliveries are signed with; null for an `hmac` webhook.',
    }),
    public_keys: z.array(WebhookPublicKey).openapi({
      description:
        "Every key signing deliveries now: the current one, and during a rotation's grace period the previous one. Empty for `hmac`.",
    }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Webhook');

export const CreateWebhookRequest = z
  .strictObject({
    webhook_url: WebhookUrl,
    subscribed_events: z.array(WebhookEventPattern).min(1).max(100),
    description: cleanString(200).optional(),
    is_active: z.boolean().optional(),
    signature_scheme: SignatureScheme.optional().openapi({ description: 'Default `hmac`.' }),
    max_retries: z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .openapi({ description: `Default ${DEFAULT_WEBHOOK_MAX_RETRIES}.` }),
    retry_backoff_seconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .optional()
      .openapi({ description: `First retry delay, doubling each time. Default ${DEFAULT_WEBHOOK_BACKOFF_SECONDS}.` }),
  })
  .openapi('CreateWebhookRequest', {
    example: {
      webhook_url: 'https://workbuddy.example/api/oriva-events',
      subscribed_events: ['notification.dismissed', 'notification.clicked', 'user.profile_updated'],
    },
  });

export const UpdateWebhookRequest = z
  .strictObject({
    webhook_url: WebhookUrl.optional(),
    subscribed_events: z.array(WebhookEventPattern).min(1).max(100).optional(),
    description: cleanString(200).nullable().optional(),
    is_active: z
      .boolean()
      .optional()
      .openapi({ description: 'true re-enables a disabled webhook and resets its failure count.' }),
    signature_scheme: SignatureScheme.optional().openapi({
      description: 'Switching to `ed25519` creates the key pair if the webhook has none; back to `hmac` keeps it.',
    }),
    max_retries: z.number().int().min(0).max(10).optional(),
    retry_backoff_seconds: z.number().int().min(1).max(3600).optional(),
  })
  .openapi('UpdateWebhookRequest');

export const CreateWebhookResponse = z
  .object({
    success: SuccessFlag,
    webhook_id: z.string(),
    webhook_secret: z.string().openapi({
      description:
        'Standard Webhooks secret (`whsec_` + base64). Shown once; verify `hmac` deliveries with it. An `ed25519` webhook signs with its key pair instead (`webhook.public_key`); the secret then only matters if the scheme is switched back.',
      example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    }),
    created_at: Timestamp,
    webhook: Webhook,
  })
  .openapi('CreateWebhookResponse');

export const WebhookResponse = z.object({ success: SuccessFlag, webhook: Webhook }).openapi('WebhookResponse');
export const ListWebhooksResponse = z
  .object({ success: SuccessFlag, webhooks: z.array(Webhook) })
  .openapi('ListWebhooksResponse');

export const RotateSecretRequest = z
  .strictObject({
    grace_period_seconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60 * 60)
      .optional()
      .openapi({
        description: `How long the old secret keeps signing too. Default ${DEFAULT_ROTATION_GRACE_SECONDS} (24 h).`,
      }),
  })
  .openapi('RotateSecretRequest');

export const RotateSecretResponse = z
  .object({
    success: SuccessFlag,
    webhook_secret: z.string(),
    previous_secret_expires_at: Timestamp.nullable(),
  })
  .openapi('RotateSecretResponse');

export const RotateSigningKeyResponse = z
  .object({
    success: SuccessFlag,
    public_key: z.string().openapi({ description: 'The new `whpk_` public key.' }),
    kid: z.string(),
    previous_key_expires_at: Timestamp.nullable(),
  })
  .openapi('RotateSigningKeyResponse');

export const Jwk = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().openapi({ description: 'The public key, base64url.' }),
    kid: z.string(),
    use: z.literal('sig'),
    alg: z.literal('EdDSA'),
  })
  .openapi('Jwk');

export const Jwks = z.object({ keys: z.array(Jwk) }).openapi('Jwks', {
  description:
    "Every Ed25519 public key signing the app's webhooks now (RFC 7517 JWK Set): one per `ed25519` webhook, two during a rotation's grace period.",
});

export const DeliveryStatus = z.enum(['pending', 'succeeded', 'failed', 'aborted']).openapi('DeliveryStatus', {
  description:
    '`failed`: every retry was spent (or the endpoint answered 410 Gone); `aborted`: the endpoint answered `webhook-delivery: abort-message`, so it is not retried.',
});

export const DeliveryAttempt = z
  .object({
    attempt: z.number().int(),
    delivered_at: Timestamp,
    success: z.boolean(),
    status_code: z.number().int().nullable(),
    response_time_ms: z.number().int().nullable(),
    response_body: z.string().nullable().openapi({ description: 'The first 20 KB of the response.' }),
    response_headers: z.record(z.string(), z.string()).nullable(),
    error_message: z.string().nullable(),
  })
  .openapi('DeliveryAttempt');

export const DeliveryRequest = z
  .object({
    headers: z.record(z.string(), z.string()).openapi({
      description:
        'The headers every attempt sends. Each attempt adds its own `webhook-timestamp` and `webhook-signature`, which are not kept; the signing secret never appears.',
      example: {
        'content-type': 'application/json',
        'user-agent': 'Oriva-Webhooks/1',
        'webhook-id': 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
      },
    }),
    payload: z.record(z.string(), z.unknown()).openapi({
      description: 'The body, exactly as signed and sent: a `WebhookPayload`. It is kept as long as the delivery.',
    }),
  })
  .openapi('DeliveryRequest', {
    description: 'What every attempt of the delivery sends: the same body, signed anew each time.',
  });

export const Delivery = z
  .object({
    id: z.string().openapi({
      description: 'Stable across retries: the `webhook-id` header.',
      example: 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    }),
    webhook_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    status: DeliveryStatus,
    replay: z.boolean().openapi({
      description: 'Made by replaying a stored event to this webhook (`POST …/events/{event_id}/replay`).',
    }),
    attempts: z.number().int(),
    next_attempt_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    request: DeliveryRequest,
    attempt_log: z.array(DeliveryAttempt),
  })
  .openapi('Delivery');

export const ListDeliveriesQuery = z.strictObject({
  success: queryFlag()
    .optional()
    .openapi({ description: 'true: delivered; false: failed for good or still retrying.' }),
  event_type: storableString().max(130).optional().openapi({ example: 'notification.dismissed' }),
  since: dateTimeInput().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z
    .string()
    .regex(/^cur_[0-9a-z]{1,13}$/, { message: 'must be pagination.next_cursor from a previous page' })
    .optional(),
});

export const ListDeliveriesResponse = z
  .object({
    success: SuccessFlag,
    deliveries: z.array(Delivery),
    pagination: z.object({ limit: z.number().int(), has_more: z.boolean(), next_cursor: z.string().nullable() }),
  })
  .openapi('ListDeliveriesResponse');

export const DeliveryResponse = z.object({ success: SuccessFlag, delivery: Delivery }).openapi('DeliveryResponse');

export const TestWebhookResponse = z
  .object({ success: SuccessFlag, event_id: z.string(), delivery_id: z.string() })
  .openapi('TestWebhookResponse');

export const ReplayEventRequest = z
  .strictObject({
    webhook_id: storableString().openapi({
      description: "One of the app's webhooks.",
      example: 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    }),
  })
  .openapi('ReplayEventRequest');

export const RecoverRequest = z
  .strictObject({
    since: dateTimeInput(),
    until: dateTimeInput().optional(),
    dry_run: z.boolean().optional(),
  })
  .openapi('RecoverRequest');

export const RecoverResponse = z
  .object({
    success: SuccessFlag,
    count: z.number().int().openapi({ description: 'Failed deliveries in the window (requeued unless dry_run).' }),
    dry_run: z.boolean(),
  })
  .openapi('RecoverResponse');

/**
 * The body of every webhook delivery (built by `toWebhookPayload`). It differs from the REST and stream Event Format
 * in one field: `event_type` is the qualified `<category>.<type>` name, as in the design document's delivery log and
 * its Step 4 handler (`event.event_type === 'notification.dismissed'`). `event_category` and `type` are kept.
 */
// Spread rather than `.extend()`: a self-contained schema in the OpenAPI document, not an allOf of Event.
export const WebhookPayload = z
  .object({
    ...Event.shape,
    event_type: z.string().openapi({
      description:
        'The qualified `<event_category>.<event_type>` name, like `type` (REST lists and the stream carry the bare name).',
      example: 'notification.dismissed',
    }),
    entity_id: z.string().openapi({
      description: "For notification events, the app's own `external_id` of the notification.",
      example: 'wb_notif_123',
    }),
  })
  .openapi('WebhookPayload', {
    example: {
      id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
      type: 'notification.dismissed',
      event_category: 'notification',
      event_type: 'notification.dismissed',
      entity_type: 'notification',
      entity_id: 'wb_notif_123',
      user_id: 'user_456',
      app_id: 'work-buddy',
      event_data: { notification_id: 'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T', dismissed_from: 'oriva_core' },
      timestamp: '2025-09-30T10:30:00.000Z',
    },
  });

/** The body of every webhook delivery, as a type (the SDK exports the same shape, generated from this schema). */
export type WebhookPayload = z.infer<typeof WebhookPayload>;
