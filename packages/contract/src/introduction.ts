/**
 * The reference's opening pages: the document's `info.description` (what Stripe's reference says
 * before its first endpoint) and its tags, in the order a newcomer reads them. Kept beside
 * `openapi.ts` so the route files stay about their routes.
 */

// Anchors of the reference Scalar renders at /docs (`#tag/<tag>/<METHOD><path>`).
const PUBLISH_EVENT = '#tag/events/POST/api/v1/apps/{app_id}/events';
const REGISTER_APP = '#tag/apps/POST/api/v1/apps';
const DEV_TOKEN = '#tag/development/POST/api/v1/dev/users/{user_id}/token';

export const INTRODUCTION = `Apps publish events and notifications into one ecosystem; users see and act on all of them in one place; apps hear back through signed webhooks and a live stream.

**Start here:** [register an app](${REGISTER_APP}) to get its API key, then [publish an event](${PUBLISH_EVENT}). The guides live in the repository's \`docs/\` folder: \`docs/START_GUIDE.md\` (from clone to your first webhook in ten minutes), \`docs/guides/publishing.md\`, \`docs/notifications.md\`, \`docs/webhooks.md\`, \`docs/stream.md\` and \`docs/server.md\` (configuration, errors, limits).

## Authentication

Every call sends \`Authorization: Bearer <credential>\`. Each operation lists the credentials it accepts; a valid credential of the wrong kind gets 403 \`insufficient_scope\`, a missing or bad one 401.

- **App API key** (\`ok_live_…\`, scheme \`AppKey\`): acts for one app, on paths carrying that app's \`app_id\` only. The admin [registers the app](${REGISTER_APP}) and receives its first key once; \`POST /api/v1/apps/{app_id}/keys\` adds keys so you can rotate without downtime, \`DELETE …/keys/{key_id}\` revokes one. Locally: \`pnpm oriva apps create work-buddy --name "Work Buddy"\`.
- **User token** (scheme \`UserToken\`): a JWT from your identity provider whose \`sub\` is the user id (\`exp\` required; HS256 with \`ORIVA_JWT_SECRET\`, or RS256/ES256 from \`ORIVA_JWT_JWKS_URL\`). It reads and acts on that user's own feed from every app. In dev mode, [mint one for any user](${DEV_TOKEN}) or run \`pnpm oriva users token user_456\`.
- **Admin token** (scheme \`AdminToken\`): manages apps and may read any app's data. Set \`ORIVA_ADMIN_TOKEN\`, or the server generates one on first start and saves it as \`admin-token\` in its data directory.

## Errors

Every 4xx and 5xx answer has one JSON shape, with the request's \`X-Request-Id\`:

\`\`\`json
{ "success": false, "error": { "code": "validation_failed", "message": "events.3.user_id: is required", "status": 400,
  "request_id": "req_…", "fields": [{ "path": "events.3.user_id", "code": "required", "message": "is required" }] } }
\`\`\`

Branch on \`code\`, never on \`message\`: 400 \`validation_failed\` (with \`fields\`: request bodies are strict, so an unknown field is an error), \`malformed_json\`, \`invalid_idempotency_key\`; 401 \`unauthorized\`, \`invalid_credentials\`, \`revoked_key\`, \`invalid_token\`, \`token_expired\`; 403 \`insufficient_scope\`, \`forbidden_app\`, \`forbidden_user\`; 404 \`route_not_found\` and \`<thing>_not_found\`; 409 \`app_exists\`, \`notification_exists\`, \`idempotency_key_reused\`, \`idempotency_request_in_progress\`; 413 \`payload_too_large\` (1 MiB); 415 \`unsupported_media_type\`; 429 \`rate_limited\`; 500 \`internal_error\`. Answers that are safe to retry carry \`x-should-retry: true\`. The full table: \`docs/server.md\`, section Errors.

## Rate limits

Per app, in 15-minute windows: 1,000 published events (a batch counts its events), 500 created notifications, 50 webhook-management calls; 1,000 list queries per caller. Every limited answer carries \`RateLimit-Policy\` and \`RateLimit\` (\`limit\`, \`remaining\`, \`reset\`); a 429 adds \`Retry-After\` in seconds. The SDK waits and retries by itself.

## Idempotency

Every POST accepts an \`Idempotency-Key\` header (1–255 printable ASCII characters). The first request runs and its answer is kept for 24 hours; the same key with the same body gets that answer again with \`Idempotent-Replayed: true\`; the same key with another body gets 409 \`idempotency_key_reused\`. Keys are scoped to the caller. The SDK sends one per call and reuses it on every retry. Creating a notification is idempotent per \`external_id\` too.

## Pagination

Lists answer newest first with \`pagination: { total, limit, offset, has_more, next_cursor }\`. For the next page pass \`after=<next_cursor>\`: it neither repeats nor skips while new items arrive (\`offset\` does, and suits shallow pages only). The SDK's lists walk every page with \`for await\`.

## Webhook signatures

Deliveries follow [Standard Webhooks](https://www.standardwebhooks.com/): \`webhook-id\` (the delivery id, the same on every retry: deduplicate on it), \`webhook-timestamp\` and \`webhook-signature\` (\`v1,<base64 HMAC-SHA256 of id.timestamp.body>\`), plus \`X-Oriva-Signature\` carrying the same in one header. Verify the raw body with \`@oriva/webhook-verify\` or any Standard Webhooks library, and answer 2xx quickly: failures are retried with backoff. Details: \`docs/webhooks.md\`.

## The stream

\`GET /api/v1/events/stream\` upgrades to a WebSocket that pushes events as they commit: an app key sees its app's events, a user token every event about that user from every app. Authenticate with a one-use ticket (\`POST /api/v1/events/stream/tickets\`), the \`auth.<token>\` subprotocol or \`?auth=\`. The first frame is \`{"control":"ready","resume":…,"position":…}\`; reconnect with \`since=<position>\` to resume without gaps. Code that cannot hold a socket polls instead: \`GET /api/v1/apps/{app_id}/consumers/{consumer_id}/poll\` returns the events after a consumer's committed position (the same positions), \`POST …/commit\` moves it on. Details: \`docs/stream.md\`.`;

/**
 * The tags in reading order: publishing first (the reference opens on it), the admin's and the
 * operators' endpoints, with the destructive prune, last.
 */
export const TAGS = [
  { name: 'Events', description: "Publish your app's events and read them back." },
  {
    name: 'Event types',
    description: 'Declare the JSON Schema of your event types; publishing checks events against it.',
  },
  { name: 'Notifications', description: "Create notifications for users, and the user's feed across every app." },
  { name: 'Preferences', description: "A user's mutes: which apps and notification types stay quiet." },
  { name: 'Stream', description: 'Events live over a WebSocket, resumable after a disconnect.' },
  {
    name: 'Consumers',
    description: 'Pull events instead: poll from a committed position, the same positions as the stream.',
  },
  { name: 'Webhooks', description: 'Signed deliveries of your events to your own endpoint, with retries and replays.' },
  {
    name: 'Stats',
    description:
      "Events, notification engagement, webhook health and streams over time, with the design document's success metrics against their targets.",
  },
  { name: 'Apps', description: 'Register apps and manage their API keys (admin token).' },
  {
    name: 'Platform',
    description:
      'Oriva Core (admin token): platform events to the apps that know a user, their relationships, and erasure.',
  },
  { name: 'Development', description: 'Dev mode only: helpers for local work.' },
  { name: 'Legacy', description: 'Deprecated endpoints and their replacements.' },
  { name: 'Operations', description: 'Health, readiness and data retention (admin token).' },
];
