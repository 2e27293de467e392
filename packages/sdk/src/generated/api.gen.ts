/* Generated from packages/contract by `pnpm openapi`. Do not edit by hand. */
export interface paths {
    "/api/v1/admin/archives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the event archives retention wrote (ORIVA_ARCHIVE_DIR)
         * @description One gzipped NDJSON file per app and month, each with a manifest (rows, positions, SHA-256). With several instances, this lists the archive directory of the instance that answers: mount the same directory on all of them.
         */
        get: operations["listArchives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/archives/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put an archive's events back, with their original ids and positions
         * @description The checksum and row count are verified before anything is inserted. Events already present are skipped, so restoring twice adds nothing. Restored events are older than the retention period: the next retention run deletes them again (without a new archive), so restore to look at them, not to keep them.
         */
        post: operations["restoreArchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/prune": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply the retention period now: delete old events and webhook delivery logs
         * @description Notifications and pending deliveries are never pruned. The server also runs this hourly when ORIVA_RETENTION_DAYS is above 0; with several instances, one runs it at a time.
         */
        post: operations["pruneData"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every app: series, totals in all and per app, the success metrics against their targets
         * @description The operator's view of the same rollups. A range that ends before it starts (field `to`) or holds more buckets than allowed (field `interval`) is a 400 `validation_failed`.
         */
        get: operations["getAdminStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase a user: their notifications, states, preferences, stream connections and events
         * @description Closes the user's stream connections (close code 4403, on every instance once `user.deleted` reaches it), sends `user.deleted` to every app that knew the user (so they erase theirs), then deletes the user's notifications and their states, their preferences, their events and the webhook deliveries of those events, the responses remembered for their idempotency keys, and forgets which apps knew them. The `user.deleted` events stay, so an app that was offline still learns of the erasure. See the privacy section of docs/server.md.
         */
        delete: operations["eraseUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List registered apps */
        get: operations["listApps"];
        put?: never;
        /** Register an app and issue its first API key */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an app */
        get: operations["getApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an app's name or icon */
        patch: operations["updateApp"];
        trace?: never;
    };
    "/api/v1/apps/{app_id}/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's consumers, by name */
        get: operations["listConsumers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/consumers/{consumer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A consumer and its committed position */
        get: operations["getConsumer"];
        put?: never;
        post?: never;
        /** Forget a consumer and its position (its next poll starts from the beginning) */
        delete: operations["deleteConsumer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/consumers/{consumer_id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Commit a position: the next poll starts after it (never moves backwards)
         * @description A position at or below the committed one changes nothing and answers `moved: false`, so a late or repeated commit is harmless. Creates the consumer if it does not exist, so a stream client can hand its position to a poller.
         */
        post: operations["commitConsumer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/consumers/{consumer_id}/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's events after the consumer's committed position (created on first poll)
         * @description The same events as the app's stream (`events` patterns, `user_id`), oldest first, each with its stream position. Handle them, then commit `position`: until then the next poll returns them again (at-least-once). With `wait`, an empty answer waits up to that many seconds and returns as soon as an event commits. Positions are the stream's: open the stream with `since=<committed position>` to switch from polling to push without a gap. See docs/stream.md.
         */
        get: operations["pollConsumer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event types an app declared (latest versions) */
        get: operations["listAppEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/event-types/{event_type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an event type (its latest version, or `?version=N`) */
        get: operations["getEventType"];
        /** Declare an event type, or change it (a new schema is a new version) */
        put: operations["putEventType"];
        post?: never;
        /** Remove an event type and its history; its events are no longer checked */
        delete: operations["deleteEventType"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Query an app's events, newest first */
        get: operations["listEvents"];
        put?: never;
        /** Publish a platform event */
        post: operations["publishEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/events/{event_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one stored event again, to one of the app's webhooks
         * @description Queues a new delivery (its own `webhook-id`, `replay: true`) of the stored event to the webhook named in the body, whatever it subscribes to: for debugging a receiver. A disabled webhook gets it once re-enabled. `event_not_found` and `webhook_not_found` (404) also answer for another app's event or webhook.
         */
        post: operations["replayEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish up to 500 events at once, all or nothing */
        post: operations["publishEventBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/events/batch/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a batch as publishing would, storing nothing */
        post: operations["validateEventBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/events/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check an event as publishing would, storing nothing */
        post: operations["validateEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an app's keys (never their secrets) */
        get: operations["listKeys"];
        put?: never;
        /** Issue another API key (for rotation) */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key; it stops working on the next request */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's notifications, newest first */
        get: operations["listAppNotifications"];
        put?: never;
        /**
         * Create a notification (and its notification.created event)
         * @description Unique per (app, external_id): the same request again answers 200 with the existing notification and records nothing; the same external_id with other content is a 409.
         */
        post: operations["createNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/notifications/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deprecated: sync a notification's status the old way (use PATCH /api/v1/notifications/{id})
         * @deprecated
         * @description Keeps apps written against the older sync call working while they migrate: `{ notification_id, status }` changes the app's notification exactly as `PATCH /api/v1/notifications/{notification_id}` with `{ status }` does, stores the same `notification.<status>` event, and answers in the PATCH response shape. A body sent without `Content-Type` (as `fetch` does with a string body: `text/plain`) is read as JSON. Every response carries `Deprecation: @1795564800`, `Sunset: Wed, 30 Jun 2027 23:59:59 GMT` and a `Link` to the migration guide (docs/migration.md).
         */
        post: operations["legacyNotificationEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the console for one app: a short-lived link to embed or open
         * @description Returns a link to the console at `/console` scoped to this app. Its token acts as the app on the app's own `/api/v1/apps/{app_id}/…` routes (webhooks, deliveries, events, keys, event types) and nowhere else: not on other apps, not on routes without an app in their path (publishing is app-scoped, so it may publish too), not on admin routes, and it cannot open further sessions. It expires at `expires_at`; revoking every key does not end it, rotating the admin token does.
         */
        post: operations["createPortalSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An app's events, notification engagement, webhook health and streams over time
         * @description Read from rollups kept per minute, hour and day as the work happens, never by scanning events; with the design document's success metrics against their targets. A range that ends before it starts (field `to`) or holds more buckets than allowed (field `interval`) is a 400 `validation_failed`.
         */
        get: operations["getAppStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the app's webhooks */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a URL to the app's events */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its pending deliveries */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook (is_active: true re-enables it) */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first, each with its attempts */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver one delivery again now (same webhook-id) */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Requeue every failed delivery created in a window (dry_run only counts) */
        post: operations["recoverDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new secret; the old one keeps signing for a grace period */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}/rotate-signing-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new Ed25519 key pair; the old one keeps signing for a grace period
         * @description For an `ed25519` webhook only (otherwise 409 `signature_scheme_mismatch`). Both keys sign every delivery (two `v1a` entries) until `previous_key_expires_at`, and both are in the JWKS.
         */
        post: operations["rotateWebhookSigningKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this webhook now */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/webhooks/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys of the app's Ed25519 webhooks (JWKS), for receivers
         * @description Public, cacheable (`Cache-Control: public, max-age=300`). Receivers verify `v1a` signatures with any key here, or with the one whose `kid` the webhook resource shows.
         */
        get: operations["getWebhookJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/users/{user_id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dev mode only: mint a user token for the notification center
         * @description Exists only when the server runs in dev mode (`ORIVA_DEV=1`); otherwise 404. Answers loopback clients only, and refuses browsers on another origin, so no web page can mint tokens on a developer machine. Takes no credentials: the notification center at /inbox uses it to sign in as any user while developing.
         */
        post: operations["createDevUserToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue: every app's declared types and the platform's own, with their schemas */
        get: operations["listEventTypeCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The real-time event stream (WebSocket)
         * @description Upgrade to a WebSocket. Authenticate with one of: the `auth=<token>` query parameter (the design document form), a single-use `ticket` from POST /api/v1/events/stream/tickets, the subprotocols `Sec-WebSocket-Protocol: oriva.v1, auth.<token>` (browsers, which cannot set headers), or `Authorization: Bearer <token>` (other clients). The token is an app API key, a user token or the admin token. An app key sees its own app's events (narrow with `user_id`); a user token sees every event whose user_id is that user. The first frame is `{"control":"ready","resume":"none"|"complete"|"too_old","position":…}`; each event frame has the design document's fields plus `type` and `position`. Send JSON text frames `{"type":"subscribe"|"unsubscribe","events":[…]}` to change filters, `{"type":"ping"}` for a `pong`. An invalid message is answered with `{"control":"error","code","message","path"}`; binary frames close with 1003, ten invalid messages in a row with 1008, frames over 64 KiB with 1009, a server fault with 1011. A refused upgrade answers the usual JSON error body. See docs/stream.md.
         */
        get: operations["openStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use ticket to open the stream without a token in the URL */
        post: operations["createStreamTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one notification */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        /** Delete a notification for good (and store notification.deleted) */
        delete: operations["deleteNotification"];
        options?: never;
        head?: never;
        /**
         * Change a notification's state (user or app) or content (owning app)
         * @description A real change stores one `notification.<status>` (or `notification.updated`) event attributed to the owning app; repeating the current state changes nothing and stores nothing.
         */
        patch: operations["updateNotification"];
        trace?: never;
    };
    "/api/v1/platform/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a platform event (`user.*`, `platform.*`) to the apps that know the user
         * @description Each event goes to the apps that already know its user (they published an event or a notification for them, or the platform connected them with `PUT /api/v1/users/{user_id}/apps/{app_id}`), as an event of their own log with its own id: their webhooks subscribed to the type, their streams and event lists get it. Apps that never dealt with the user get nothing.
         */
        post: operations["publishPlatformEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish up to 500 platform events at once, all or nothing
         * @description Each event goes to the apps that already know its user (they published an event or a notification for them, or the platform connected them with `PUT /api/v1/users/{user_id}/apps/{app_id}`), as an event of their own log with its own id: their webhooks subscribed to the type, their streams and event lists get it. Apps that never dealt with the user get nothing.
         */
        post: operations["publishPlatformEventBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/apps/{app_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record that the user has the app connected, so platform events about them reach it
         * @description Publishing an event or a notification for a user records the relationship already; this is for apps the user connected before doing anything in them.
         */
        put: operations["connectUserApp"];
        post?: never;
        /**
         * Forget the relationship: platform events about the user stop reaching the app
         * @description Publishing a new event or notification for the user records it again.
         */
        delete: operations["disconnectUserApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's notifications from every app, newest first (the notification center) */
        get: operations["listUserNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a user's unread notifications read, in one transaction */
        post: operations["markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's unread counts (for a badge) */
        get: operations["getUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's notification preferences (muted apps and types) */
        get: operations["getPreferences"];
        /** Replace a user's notification preferences */
        put: operations["putPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is serving */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: storage answers */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "delivery.exhausted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `delivery.exhausted` event, delivered to webhooks that subscribe to it
         * @description The platform's own `delivery.exhausted` event.
         */
        post: operations["on_delivery_exhausted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.clicked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.clicked` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.clicked` event.
         */
        post: operations["on_notification_clicked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.created` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.created` event.
         */
        post: operations["on_notification_created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.deleted` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.deleted` event.
         */
        post: operations["on_notification_deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.dismissed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.dismissed` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.dismissed` event.
         */
        post: operations["on_notification_dismissed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.expired` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.expired` event.
         */
        post: operations["on_notification_expired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.read` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.read` event.
         */
        post: operations["on_notification_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.read_all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.read_all` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.read_all` event.
         */
        post: operations["on_notification_read_all"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.unread` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.unread` event.
         */
        post: operations["on_notification_unread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.updated` event, delivered to webhooks that subscribe to it
         * @description The platform's own `notification.updated` event.
         */
        post: operations["on_notification_updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `user.deleted` event, delivered to webhooks that subscribe to it
         * @description The platform's own `user.deleted` event.
         */
        post: operations["on_user_deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.profile_updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `user.profile_updated` event, delivered to webhooks that subscribe to it
         * @description The platform's own `user.profile_updated` event.
         */
        post: operations["on_user_profile_updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `webhook.disabled` event, delivered to webhooks that subscribe to it
         * @description The platform's own `webhook.disabled` event.
         */
        post: operations["on_webhook_disabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `webhook.enabled` event, delivered to webhooks that subscribe to it
         * @description The platform's own `webhook.enabled` event.
         */
        post: operations["on_webhook_enabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.failing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `webhook.failing` event, delivered to webhooks that subscribe to it
         * @description The platform's own `webhook.failing` event.
         */
        post: operations["on_webhook_failing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.recovered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `webhook.recovered` event, delivered to webhooks that subscribe to it
         * @description The platform's own `webhook.recovered` event.
         */
        post: operations["on_webhook_recovered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `webhook.test` event, delivered to webhooks that subscribe to it
         * @description The platform's own `webhook.test` event.
         */
        post: operations["on_webhook_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        DeliveryExhaustedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "delivery.exhausted";
            event_data?: components["schemas"]["DeliveryExhaustedData"];
        };
        DeliveryExhaustedData: {
            delivery_id: string;
            webhook_id: string;
            /** @description The event whose delivery gave up. */
            event_id: string;
            /** @example notification.dismissed */
            event_type: string;
            attempts: number;
            last_status_code: number | null;
            last_error: string | null;
            /** @description The endpoint the event is about. */
            webhook_url: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        WebhookPayload: {
            /** @example evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            id: string;
            /**
             * @description `<event_category>.<event_type>`
             * @example notification.dismissed
             */
            type: string;
            /** @example work-buddy */
            app_id: string;
            event_category: string;
            /**
             * @description The qualified `<event_category>.<event_type>` name, like `type` (REST lists and the stream carry the bare name).
             * @example notification.dismissed
             */
            event_type: string;
            entity_type: string;
            /**
             * @description For notification events, the app's own `external_id` of the notification.
             * @example wb_notif_123
             */
            entity_id: string;
            user_id: string | null;
            event_data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            timestamp: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationClickedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.clicked";
            event_data?: components["schemas"]["NotificationClickedData"];
        };
        NotificationClickedData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            previous_status: components["schemas"]["NotificationStatus"];
            /** @enum {string} */
            status: "clicked";
            changed_by: components["schemas"]["EventActor"];
            /** @description Where it was dismissed, when the caller said. */
            dismissed_from?: string;
            /** @description What the click did, when the caller said. */
            click_action?: string;
        };
        /** @enum {string} */
        NotificationStatus: "unread" | "read" | "clicked" | "dismissed" | "expired";
        /**
         * @description Who caused the change: the owning app, the user, the admin, or the server itself (`system`).
         * @enum {string}
         */
        EventActor: "app" | "user" | "admin" | "system";
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationCreatedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.created";
            event_data?: components["schemas"]["NotificationCreatedData"];
        };
        NotificationCreatedData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            notification: components["schemas"]["Notification"];
        };
        /** @description The whole notification, so a feed can show it at once. */
        Notification: {
            /** @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            id: string;
            /** @example work-buddy */
            app_id: string;
            app_name: string;
            app_icon: string | null;
            external_id: string;
            user_id: string;
            notification_type: string;
            title: string;
            body: string;
            action_url: string | null;
            action_label: string | null;
            image_url: string | null;
            icon_url: string | null;
            priority: components["schemas"]["NotificationPriority"];
            status: components["schemas"]["NotificationStatus"];
            context_data: {
                [key: string]: unknown;
            };
            group_key: string | null;
            /** @description With `group=true`: how many notifications this group holds. */
            group_count?: number;
            /** @description The user muted this app or this app's notification type. */
            muted: boolean;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            read_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            clicked_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            dismissed_at: string | null;
            dismissed_from: string | null;
            /**
             * @description What the click did, as the click reported it.
             * @example open_session
             */
            click_action: string | null;
            /**
             * Format: date-time
             * @description When the notification first reached its user: first served in their feed or read by them, or pushed on their stream. Set once; null until then.
             * @example 2025-09-30T10:30:00.000Z
             */
            delivered_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
        };
        /** @enum {string} */
        NotificationPriority: "low" | "normal" | "high" | "urgent";
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationDeletedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.deleted";
            event_data?: components["schemas"]["NotificationDeletedData"];
        };
        NotificationDeletedData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            deleted_by: components["schemas"]["EventActor"];
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationDismissedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.dismissed";
            event_data?: components["schemas"]["NotificationDismissedData"];
        };
        NotificationDismissedData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            previous_status: components["schemas"]["NotificationStatus"];
            /** @enum {string} */
            status: "dismissed";
            changed_by: components["schemas"]["EventActor"];
            /** @description Where it was dismissed, when the caller said. */
            dismissed_from?: string;
            /** @description What the click did, when the caller said. */
            click_action?: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationExpiredEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.expired";
            event_data?: components["schemas"]["NotificationExpiredData"];
        };
        NotificationExpiredData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            previous_status: components["schemas"]["NotificationStatus"];
            /** @enum {string} */
            status: "expired";
            /** @enum {string} */
            changed_by: "system";
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationReadEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.read";
            event_data?: components["schemas"]["NotificationReadData"];
        };
        NotificationReadData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            previous_status: components["schemas"]["NotificationStatus"];
            /** @enum {string} */
            status: "read";
            changed_by: components["schemas"]["EventActor"];
            /** @description Where it was dismissed, when the caller said. */
            dismissed_from?: string;
            /** @description What the click did, when the caller said. */
            click_action?: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationReadAllEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.read_all";
            event_data?: components["schemas"]["NotificationReadAllData"];
        };
        NotificationReadAllData: {
            /** @description How many of this app's notifications were marked read. */
            count: number;
            /** @description Their external ids (the first 100). */
            external_ids: string[];
            /** @description Their platform ids (the first 100). */
            notification_ids: string[];
            /** @description More were marked than listed. */
            truncated: boolean;
            changed_by: components["schemas"]["EventActor"];
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationUnreadEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.unread";
            event_data?: components["schemas"]["NotificationUnreadData"];
        };
        NotificationUnreadData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            previous_status: components["schemas"]["NotificationStatus"];
            /** @enum {string} */
            status: "unread";
            changed_by: components["schemas"]["EventActor"];
            /** @description Where it was dismissed, when the caller said. */
            dismissed_from?: string;
            /** @description What the click did, when the caller said. */
            click_action?: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        NotificationUpdatedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "notification.updated";
            event_data?: components["schemas"]["NotificationUpdatedData"];
        };
        NotificationUpdatedData: {
            /**
             * @description The platform id of the notification.
             * @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            notification_id: string;
            /**
             * @example [
             *       "title",
             *       "body"
             *     ]
             */
            changed_fields: string[];
            changed_by: components["schemas"]["EventActor"];
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        UserDeletedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "user.deleted";
            event_data?: components["schemas"]["UserDeletedData"];
        };
        /** @description The user was erased from Oriva: erase what your app keeps about them (the event's `user_id`). */
        UserDeletedData: {
            /** @description When Oriva erased the user (ISO-8601 UTC). */
            erased_at: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        UserProfileUpdatedEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "user.profile_updated";
            event_data?: components["schemas"]["UserProfileUpdatedData"];
        };
        UserProfileUpdatedData: {
            /**
             * @description Which profile fields changed.
             * @example [
             *       "display_name",
             *       "avatar_url"
             *     ]
             */
            changed_fields: string[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        WebhookDisabledEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "webhook.disabled";
            event_data?: components["schemas"]["WebhookDisabledData"];
        };
        WebhookDisabledData: {
            /**
             * @description `gone`: the endpoint answered 410 Gone; `too_many_failures`: too many deliveries failed in a row; `receiver_requested`: the endpoint answered with the header `webhook-delivery: disable`.
             * @enum {string}
             */
            reason: "gone" | "too_many_failures" | "receiver_requested";
            consecutive_failures: number;
            /** @description The endpoint the event is about. */
            webhook_url: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        WebhookEnabledEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "webhook.enabled";
            event_data?: components["schemas"]["WebhookEnabledData"];
        };
        WebhookEnabledData: {
            /** @description Why it had been disabled. */
            previous_disabled_reason: string | null;
            /** @description The endpoint the event is about. */
            webhook_url: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        WebhookFailingEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "webhook.failing";
            event_data?: components["schemas"]["WebhookFailingData"];
        };
        WebhookFailingData: {
            /**
             * @description `failure_rate`: more than 10% of the last hour's attempts failed, over at least 10 attempts; `consecutive_failures`: half the failures in a row that disable an endpoint.
             * @enum {string}
             */
            reason: "failure_rate" | "consecutive_failures";
            /**
             * @description The last hour's failed share of attempts, 0 to 1.
             * @example 0.25
             */
            failure_rate: number;
            /** @description Attempts in the last hour (an estimate across two hourly windows). */
            attempts: number;
            /** @description Failed attempts in the last hour (the same estimate). */
            failures: number;
            consecutive_failures: number;
            /** @description The endpoint the event is about. */
            webhook_url: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        WebhookRecoveredEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "webhook.recovered";
            event_data?: components["schemas"]["WebhookRecoveredData"];
        };
        WebhookRecoveredData: {
            /** @description When the endpoint was reported failing. */
            failing_since: string;
            /** @description The status of the attempt that succeeded. */
            status_code: number;
            /** @description The endpoint the event is about. */
            webhook_url: string;
        };
        /**
         * @example {
         *       "id": "evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *       "type": "notification.dismissed",
         *       "event_category": "notification",
         *       "event_type": "notification.dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "app_id": "work-buddy",
         *       "event_data": {
         *         "notification_id": "ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T",
         *         "dismissed_from": "oriva_core"
         *       },
         *       "timestamp": "2025-09-30T10:30:00.000Z"
         *     }
         */
        WebhookTestEvent: components["schemas"]["WebhookPayload"] & {
            /** @enum {string} */
            type?: "webhook.test";
            event_data?: components["schemas"]["WebhookTestData"];
        };
        WebhookTestData: {
            message: string;
            webhook_url: string;
        };
        /**
         * @example {
         *       "external_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "notification_type": "session_reminder",
         *       "title": "Session starting in 10 minutes",
         *       "body": "Your session with Sarah starts soon",
         *       "action_url": "workbuddy://session/789",
         *       "action_label": "View Session",
         *       "priority": "high",
         *       "context_data": {
         *         "session_id": "session_789",
         *         "partner_name": "Sarah"
         *       },
         *       "expires_at": "2025-09-30T12:00:00Z"
         *     }
         */
        CreateNotificationRequest: {
            /**
             * @description The app's own id for this notification.
             * @example wb_notif_123
             */
            external_id: string;
            /** @example user_456 */
            user_id: string;
            /** @example session_reminder */
            notification_type: string;
            /** @example Session starting in 10 minutes */
            title: string;
            /**
             * @description Defaults to empty.
             * @example Your session with Sarah starts soon
             */
            body?: string;
            /** @example workbuddy://session/789 */
            action_url?: string;
            action_label?: string;
            /**
             * Format: uri
             * @example https://workbuddy.example/images/session.png
             */
            image_url?: string;
            /**
             * Format: uri
             * @example https://workbuddy.example/images/session.png
             */
            icon_url?: string;
            priority?: components["schemas"]["NotificationPriority"];
            /** @description Free-form JSON object, at most 16384 bytes serialized and 32 levels deep. */
            context_data?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-09-30T12:00:00Z
             */
            expires_at?: string;
            /**
             * @description Notifications sharing a group key collapse into one in a grouped feed.
             * @example session_789
             */
            group_key?: string;
        };
        /**
         * @description The design document's Example 1: `notification_id` is the `external_id`, `type` the `notification_type`, and other top-level fields (such as `session_id`) are stored in `context_data`.
         * @example {
         *       "notification_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "type": "session_reminder",
         *       "title": "Session starting in 10 minutes",
         *       "body": "Your session with Sarah starts soon",
         *       "action_url": "workbuddy://session/789",
         *       "session_id": "session_789"
         *     }
         */
        CreateNotificationExampleOneRequest: {
            /**
             * @description The app's own id for this notification.
             * @example wb_notif_123
             */
            notification_id: string;
            /** @example session_reminder */
            type: string;
            /** @example user_456 */
            user_id: string;
            /** @example Session starting in 10 minutes */
            title: string;
            /**
             * @description Defaults to empty.
             * @example Your session with Sarah starts soon
             */
            body?: string;
            /** @example workbuddy://session/789 */
            action_url?: string;
            action_label?: string;
            /**
             * Format: uri
             * @example https://workbuddy.example/images/session.png
             */
            image_url?: string;
            /**
             * Format: uri
             * @example https://workbuddy.example/images/session.png
             */
            icon_url?: string;
            priority?: components["schemas"]["NotificationPriority"];
            /** @description Free-form JSON object, at most 16384 bytes serialized and 32 levels deep. */
            context_data?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-09-30T12:00:00Z
             */
            expires_at?: string;
            /**
             * @description Notifications sharing a group key collapse into one in a grouped feed.
             * @example session_789
             */
            group_key?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller.
         * @example 6f1c1a51-8a6e-4b8e-9b55-3f0a4a7d2c10
         */
        IdempotencyKey: string;
        ArchiveListResponse: {
            data: components["schemas"]["ArchiveSummary"][];
        };
        ArchiveSummary: {
            /**
             * @description An archive file as `GET /api/v1/admin/archives` lists it: a plain name inside ORIVA_ARCHIVE_DIR, never a path.
             * @example events.work-buddy.2025-03.1-48210.ndjson.gz
             */
            file: string;
            /** @description Whether its manifest was written. An incomplete file (archiving was interrupted) is never restored, and retention deleted nothing it holds. */
            complete: boolean;
            app_id: string | null;
            /**
             * @description The calendar month (UTC) of its events, `YYYY-MM`.
             * @example 2025-03
             */
            month: string | null;
            rows: number | null;
            first_position: number | null;
            last_position: number | null;
            /** @description Hex SHA-256 of the gzipped file, from the manifest. */
            sha256: string | null;
            bytes: number | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string | null;
        };
        Error: {
            /** @enum {boolean} */
            success: false;
            error: {
                /**
                 * @description Stable machine-readable code, such as `validation_failed` or `rate_limited`.
                 * @example validation_failed
                 */
                code: string;
                message: string;
                status: number;
                request_id: string;
                fields?: components["schemas"]["FieldError"][];
            };
        };
        FieldError: {
            /** @example events.3.user_id */
            path: string;
            /** @example invalid_type */
            code: string;
            message: string;
        };
        RestoreArchiveResponse: {
            /** @enum {boolean} */
            success: true;
            /**
             * @description An archive file as `GET /api/v1/admin/archives` lists it: a plain name inside ORIVA_ARCHIVE_DIR, never a path.
             * @example events.work-buddy.2025-03.1-48210.ndjson.gz
             */
            file: string;
            /** @description Events in the archive. */
            rows: number;
            /** @description Events put back; those already present are skipped, so a second restore adds 0. */
            restored: number;
        };
        RestoreArchiveRequest: {
            /**
             * @description An archive file as `GET /api/v1/admin/archives` lists it: a plain name inside ORIVA_ARCHIVE_DIR, never a path.
             * @example events.work-buddy.2025-03.1-48210.ndjson.gz
             */
            file: string;
        };
        PruneResponse: {
            /** @enum {boolean} */
            success: true;
            /**
             * Format: date-time
             * @description Events and delivery logs older than this were removed.
             * @example 2025-09-30T10:30:00.000Z
             */
            cutoff: string;
            events_deleted: number;
            deliveries_deleted: number;
            /** @description Monthly event partitions dropped whole (PostgreSQL); 0 on SQLite. */
            partitions_dropped: number;
            /** @description Archives written before deleting (one per app and month, with ORIVA_ARCHIVE_DIR set); 0 with archival off. */
            archives_written: number;
        };
        PruneRequest: {
            /** @description Prune what is older than this many days. Default: the server's ORIVA_RETENTION_DAYS. */
            older_than_days?: number;
            /**
             * Format: date-time
             * @description Prune what is older than this instant instead.
             * @example 2025-09-30T10:30:00.000Z
             */
            before?: string;
        };
        AdminStatsResponse: {
            /** @enum {boolean} */
            success: true;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            from: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            to: string;
            interval: components["schemas"]["StatsInterval"];
            totals: components["schemas"]["StatsTotals"];
            /** @description One point per bucket in [from, to), oldest first. */
            series: components["schemas"]["StatsPoint"][];
            targets: components["schemas"]["StatsTarget"][];
            /** @description Each app's totals, most events first (a user's streams across apps are in the total only). */
            apps: {
                app_id: string;
                totals: components["schemas"]["StatsTotals"];
            }[];
        };
        /** @enum {string} */
        StatsInterval: "minute" | "hour" | "day";
        StatsTotals: {
            events: {
                total: number;
                by_type: {
                    [key: string]: number;
                };
            };
            notifications: components["schemas"]["NotificationStats"] & {
                by_type: {
                    [key: string]: components["schemas"]["NotificationStats"];
                };
            };
            webhooks: components["schemas"]["WebhookStats"] & {
                /** @description Endpoints with failed attempts in the range, highest failure rate first (at most 20). */
                failing_endpoints: components["schemas"]["FailingEndpoint"][];
            };
            stream: components["schemas"]["StreamStats"];
            rates: components["schemas"]["StatsRates"];
        };
        NotificationStats: {
            created: number;
            /** @description First reached their user (`delivered_at` set): served or pushed. */
            delivered: number;
            /** @description First read, clicked or dismissed (each notification once). */
            seen: number;
            read: number;
            clicked: number;
            dismissed: number;
            /** @description First clicked or dismissed (each notification once). */
            acted: number;
            expired: number;
            /** @description Expired before they ever reached their user: failed deliveries. */
            expired_undelivered: number;
        };
        /** @description Webhook delivery latency in milliseconds, from a log-scale histogram with four buckets per doubling: each figure is its bucket's upper bound, at most 19% above the true value. Null without attempts. */
        LatencyPercentiles: {
            p50: number | null;
            p95: number | null;
            p99: number | null;
        };
        FailingEndpoint: {
            webhook_id: string;
            attempts: number;
            failed: number;
            failure_rate: number;
            /** @description Past the design document's alert threshold: failure rate above 10% with at least 10 attempts. */
            alerting: boolean;
        };
        WebhookStats: {
            attempts: number;
            succeeded: number;
            failed: number;
            /** @description Deliveries that failed their last retry. */
            exhausted: number;
            latency_ms: components["schemas"]["LatencyPercentiles"];
        };
        StreamStats: {
            /** @description Stream connections opened. */
            opened: number;
            /** @description The most open at once in a bucket (the largest over the range in totals). */
            peak: number;
        };
        /** @description Ratios over the bucket or range, capped at 1; null when the divisor is 0. */
        StatsRates: {
            /** @description seen ÷ created (the design document: 80% of notifications viewed). */
            view_rate: number | null;
            /** @description acted ÷ created: clicked or dismissed (the design document: action rate above 30%). */
            action_rate: number | null;
            /** @description expired_undelivered ÷ created (the design document: under 5% delivery failures). */
            delivery_failure_rate: number | null;
            /** @description succeeded ÷ attempts (the design document: above 95% webhook delivery success). */
            webhook_success_rate: number | null;
        };
        StatsPoint: {
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            start: string;
            events: number;
            notifications: components["schemas"]["NotificationStats"];
            webhooks: components["schemas"]["WebhookStats"];
            stream: components["schemas"]["StreamStats"];
            rates: components["schemas"]["StatsRates"];
        };
        /** @description One of the design document's success metrics, against its target. */
        StatsTarget: {
            /** @enum {string} */
            metric: "view_rate" | "action_rate" | "delivery_failure_rate" | "webhook_success_rate" | "webhook_latency_p95_ms";
            /** @enum {string} */
            comparison: "at_least" | "at_most";
            target: number;
            /** @description The figure over the range (null: nothing to measure). */
            value: number | null;
            met: boolean | null;
        };
        EraseUserResponse: {
            /** @enum {boolean} */
            success: true;
            user_id: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            erased_at: string;
            /** @description The apps that knew the user and were sent `user.deleted`. */
            notified_apps: string[];
            notifications_deleted: number;
            events_deleted: number;
            deliveries_deleted: number;
            preferences_deleted: boolean;
            stream_connections_closed: number;
        };
        ListAppsResponse: {
            /** @enum {boolean} */
            success: true;
            apps: components["schemas"]["App"][];
        };
        App: {
            /** @example work-buddy */
            app_id: string;
            name: string;
            icon_url: string | null;
            undeclared_types: components["schemas"]["UndeclaredTypesPolicy"];
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
        };
        /**
         * @description What publishing does with an event whose type the app has not declared: `allow` stores it (the default), `warn` stores it and names the type in the `Oriva-Undeclared-Types` response header, `reject` refuses it with 422 `event_type_undeclared`.
         * @enum {string}
         */
        UndeclaredTypesPolicy: "allow" | "warn" | "reject";
        CreateAppResponse: {
            /** @enum {boolean} */
            success: true;
            app: components["schemas"]["App"];
            api_key: components["schemas"]["ApiKeyWithSecret"];
        };
        ApiKeyWithSecret: components["schemas"]["ApiKey"] & {
            /**
             * @description The secret key. Shown once: only its hash is stored.
             * @example ok_live_4f9a…
             */
            key: string;
        };
        ApiKey: {
            /** @example key_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            id: string;
            /** @example work-buddy */
            app_id: string;
            name: string | null;
            /**
             * @description The first characters of the key, to recognise it in lists.
             * @example ok_live_4f9a
             */
            prefix: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            revoked_at: string | null;
        };
        CreateAppRequest: {
            /** @example work-buddy */
            app_id: string;
            /** @example Work Buddy */
            name: string;
            /**
             * Format: uri
             * @example https://workbuddy.example/icon.png
             */
            icon_url?: string;
            undeclared_types?: components["schemas"]["UndeclaredTypesPolicy"];
        };
        AppResponse: {
            /** @enum {boolean} */
            success: true;
            app: components["schemas"]["App"];
        };
        UpdateAppRequest: {
            name?: string;
            /**
             * Format: uri
             * @example https://workbuddy.example/icon.png
             */
            icon_url?: string | null;
            undeclared_types?: components["schemas"]["UndeclaredTypesPolicy"];
        };
        ListConsumersResponse: {
            /** @enum {boolean} */
            success: true;
            consumers: components["schemas"]["Consumer"][];
        };
        Consumer: {
            /** @example billing-sync */
            consumer_id: string;
            /** @example work-buddy */
            app_id: string;
            /** @description The committed position: the next poll returns events after it. 0 for a new consumer. */
            position: number;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When the position last moved.
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
        };
        ConsumerResponse: {
            /** @enum {boolean} */
            success: true;
            consumer: components["schemas"]["Consumer"];
        };
        CommitConsumerResponse: {
            /** @enum {boolean} */
            success: true;
            consumer: components["schemas"]["Consumer"];
            /** @description false when the position sent was not past the committed one: a commit never moves backwards. */
            moved: boolean;
        };
        CommitConsumerRequest: {
            /** @description The `position` of a poll, or of a stream frame. */
            position: number;
        };
        PollConsumerResponse: {
            /** @enum {boolean} */
            success: true;
            events: components["schemas"]["StreamEvent"][];
            /** @description Commit this once the events are handled. It may be past the last event returned: events the filter skipped count as read. */
            position: number;
            /** @description More events wait after `position`: poll again at once. */
            has_more: boolean;
            consumer: components["schemas"]["Consumer"] & unknown;
        };
        StreamEvent: {
            /** @example evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            event_id: string;
            /**
             * @description `<event_category>.<event_type>`
             * @example notification.dismissed
             */
            type: string;
            /** @example work-buddy */
            app_id: string;
            event_category: string;
            event_type: string;
            entity_type: string;
            entity_id: string;
            user_id: string | null;
            event_data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            timestamp: string;
            position: number;
        };
        ListEventTypesResponse: {
            /** @enum {boolean} */
            success: true;
            event_types: components["schemas"]["EventType"][];
        };
        EventType: {
            /** @example session.ended */
            name: string;
            event_category: string;
            event_type: string;
            /**
             * @description The app that declared it; `null` for the platform's own types.
             * @example work-buddy
             */
            app_id: string | null;
            description: string | null;
            schema: {
                [key: string]: unknown;
            };
            examples: {
                [key: string]: unknown;
            }[];
            deprecated: boolean;
            /** @description Starts at 1; each change of `schema` adds one. */
            version: number;
            /** @description Every version kept, oldest first. */
            versions: number[];
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
        };
        EventTypeResponse: {
            /** @enum {boolean} */
            success: true;
            event_type: components["schemas"]["EventType"];
        };
        PutEventTypeRequest: {
            description?: string | null;
            /**
             * @description A JSON Schema (draft 2020-12) for `event_data`. Only local `$ref`s (`#…`) are followed; at most 64 KiB serialized; `pattern` regexes may not nest quantifiers (`(a+)+`) and only match strings of up to 4,096 characters.
             * @example {
             *       "type": "object",
             *       "required": [
             *         "duration"
             *       ],
             *       "properties": {
             *         "duration": {
             *           "type": "integer",
             *           "minimum": 0
             *         }
             *       }
             *     }
             */
            schema: {
                [key: string]: unknown;
            };
            /**
             * @description Values of `event_data` that must validate against `schema`.
             * @example [
             *       {
             *         "duration": 1500
             *       }
             *     ]
             */
            examples?: {
                [key: string]: unknown;
            }[];
            deprecated?: boolean;
        };
        ListEventsResponse: {
            /** @enum {boolean} */
            success: true;
            events: components["schemas"]["Event"][];
            pagination: components["schemas"]["Pagination"];
        };
        Event: {
            /** @example evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            id: string;
            /**
             * @description `<event_category>.<event_type>`
             * @example notification.dismissed
             */
            type: string;
            /** @example work-buddy */
            app_id: string;
            event_category: string;
            event_type: string;
            entity_type: string;
            entity_id: string;
            user_id: string | null;
            event_data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            timestamp: string;
        };
        Pagination: {
            /** @description Items matching the filters, across all pages. */
            total: number;
            limit: number;
            offset: number;
            has_more: boolean;
            /** @description Pass as `after` to read the next page; stable while new items arrive. */
            next_cursor: string | null;
        };
        PublishEventResponse: {
            /** @enum {boolean} */
            success: true;
            /** @example evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            event_id: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            timestamp: string;
        };
        /**
         * @example {
         *       "event_category": "notification",
         *       "event_type": "dismissed",
         *       "entity_type": "notification",
         *       "entity_id": "wb_notif_123",
         *       "user_id": "user_456",
         *       "event_data": {
         *         "dismissed_at": "2025-09-30T10:30:00Z",
         *         "dismissed_from": "work_buddy"
         *       }
         *     }
         */
        PublishEventRequest: {
            /** @example notification */
            event_category: string;
            /** @example dismissed */
            event_type: string;
            /** @example notification */
            entity_type: string;
            /** @example wb_notif_123 */
            entity_id: string;
            /** @example user_456 */
            user_id: string;
            /** @description Free-form JSON object, at most 65536 bytes serialized and 32 levels deep. */
            event_data?: {
                [key: string]: unknown;
            };
        };
        DeliveryResponse: {
            /** @enum {boolean} */
            success: true;
            delivery: components["schemas"]["Delivery"];
        };
        Delivery: {
            /**
             * @description Stable across retries: the `webhook-id` header.
             * @example del_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            id: string;
            webhook_id: string;
            event_id: string;
            event_type: string;
            status: components["schemas"]["DeliveryStatus"];
            /** @description Made by replaying a stored event to this webhook (`POST …/events/{event_id}/replay`). */
            replay: boolean;
            attempts: number;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            next_attempt_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
            request: components["schemas"]["DeliveryRequest"];
            attempt_log: components["schemas"]["DeliveryAttempt"][];
        };
        /**
         * @description `failed`: every retry was spent (or the endpoint answered 410 Gone); `aborted`: the endpoint answered `webhook-delivery: abort-message`, so it is not retried.
         * @enum {string}
         */
        DeliveryStatus: "pending" | "succeeded" | "failed" | "aborted";
        /** @description What every attempt of the delivery sends: the same body, signed anew each time. */
        DeliveryRequest: {
            /**
             * @description The headers every attempt sends. Each attempt adds its own `webhook-timestamp` and `webhook-signature`, which are not kept; the signing secret never appears.
             * @example {
             *       "content-type": "application/json",
             *       "user-agent": "Oriva-Webhooks/1",
             *       "webhook-id": "del_01J8ZQ3J5V8C9X2M4N6P7R8S9T"
             *     }
             */
            headers: {
                [key: string]: string;
            };
            /** @description The body, exactly as signed and sent: a `WebhookPayload`. It is kept as long as the delivery. */
            payload: {
                [key: string]: unknown;
            };
        };
        DeliveryAttempt: {
            attempt: number;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            delivered_at: string;
            success: boolean;
            status_code: number | null;
            response_time_ms: number | null;
            /** @description The first 20 KB of the response. */
            response_body: string | null;
            response_headers: {
                [key: string]: string;
            } | null;
            error_message: string | null;
        };
        ReplayEventRequest: {
            /**
             * @description One of the app's webhooks.
             * @example wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T
             */
            webhook_id: string;
        };
        PublishBatchResponse: {
            /** @enum {boolean} */
            success: true;
            count: number;
            events: {
                event_id: string;
                /**
                 * Format: date-time
                 * @example 2025-09-30T10:30:00.000Z
                 */
                timestamp: string;
            }[];
        };
        PublishBatchRequest: {
            events: components["schemas"]["PublishEventRequest"][];
        };
        ValidateBatchResponse: {
            /** @enum {boolean} */
            success: true;
            /** @enum {boolean} */
            valid: true;
            count: number;
            checks: components["schemas"]["EventCheck"][];
        };
        EventCheck: {
            /**
             * @description The qualified type, `<event_category>.<event_type>`.
             * @example session.ended
             */
            event_type: string;
            /** @description Whether the app's catalogue declares the type. */
            declared: boolean;
            /** @description The version of the schema `event_data` was validated against; `null` when the type is undeclared. */
            schema_version: number | null;
        };
        ValidateEventResponse: {
            /** @enum {boolean} */
            success: true;
            /** @enum {boolean} */
            valid: true;
            check: components["schemas"]["EventCheck"];
        };
        ListKeysResponse: {
            /** @enum {boolean} */
            success: true;
            api_keys: components["schemas"]["ApiKey"][];
        };
        ApiKeyResponse: {
            /** @enum {boolean} */
            success: true;
            api_key: components["schemas"]["ApiKeyWithSecret"];
        };
        CreateKeyRequest: {
            /** @example production */
            name?: string;
        };
        ListAppNotificationsResponse: {
            /** @enum {boolean} */
            success: true;
            notifications: components["schemas"]["Notification"][];
            pagination: components["schemas"]["Pagination"];
        };
        CreateNotificationResponse: {
            /** @enum {boolean} */
            success: true;
            /** @example ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            notification_id: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
        };
        UpdateNotificationResponse: {
            /** @enum {boolean} */
            success: true;
            notification_id: string;
            status: components["schemas"]["NotificationStatus"];
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
            /** @description False when the request repeated the current state: nothing changed, no event. */
            changed: boolean;
        };
        /**
         * @example {
         *       "notification_id": "wb_123",
         *       "status": "dismissed"
         *     }
         */
        LegacyNotificationEventRequest: {
            /**
             * @description The app's `external_id` for the notification, or its platform id (`ntf_…`).
             * @example wb_123
             */
            notification_id: string;
            status: components["schemas"]["SettableNotificationStatus"];
            /**
             * @description When given, the notification must be this user's (otherwise 404).
             * @example user_456
             */
            user_id?: string;
            /**
             * @description Where it was dismissed.
             * @example work_buddy
             */
            dismissed_from?: string;
            /**
             * @description What the click did.
             * @example open_session
             */
            click_action?: string;
        };
        /** @enum {string} */
        SettableNotificationStatus: "unread" | "read" | "clicked" | "dismissed";
        PortalSessionResponse: {
            /** @enum {boolean} */
            success: true;
            /**
             * @description The console, opened on this app: `<origin>/console#token=ops_…`. The token rides in the fragment, which browsers never send, so it stays out of servers' and proxies' logs.
             * @example https://oriva.example/console#token=ops_eyJhcHAiOiJ3b3JrLWJ1ZGR5In0.3q2-7w
             */
            url: string;
            /** @description The session token itself (`ops_…`), a bearer credential for this app's `/api/v1/apps/{app_id}/…` routes until `expires_at`. */
            token: string;
            app_id: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            expires_at: string;
        };
        CreatePortalSessionRequest: {
            /** @description How long the link works. Default 3600 (1 h), at most 24 h. */
            expires_in_seconds?: number;
        };
        AppStatsResponse: {
            /** @example work-buddy */
            app_id: string;
            /** @enum {boolean} */
            success: true;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            from: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            to: string;
            interval: components["schemas"]["StatsInterval"];
            totals: components["schemas"]["StatsTotals"];
            /** @description One point per bucket in [from, to), oldest first. */
            series: components["schemas"]["StatsPoint"][];
            targets: components["schemas"]["StatsTarget"][];
        };
        ListWebhooksResponse: {
            /** @enum {boolean} */
            success: true;
            webhooks: components["schemas"]["Webhook"][];
        };
        Webhook: {
            /** @example wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
            id: string;
            app_id: string;
            webhook_url: string;
            subscribed_events: string[];
            description: string | null;
            is_active: boolean;
            disabled_reason: string | null;
            max_retries: number;
            retry_backoff_seconds: number;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            last_delivery_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            last_success_at: string | null;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            last_failure_at: string | null;
            /** @description Delivery attempts that failed in a row, up to the latest; a success resets it. */
            consecutive_failures: number;
            /** @description Delivery attempts made: every try of every delivery, retries included. */
            total_deliveries: number;
            /** @description Delivery attempts that failed. */
            total_failures: number;
            /**
             * Format: date-time
             * @description While set (after a rotation), deliveries are signed with the old secret too.
             * @example 2025-09-30T10:30:00.000Z
             */
            previous_secret_expires_at: string | null;
            signature_scheme: components["schemas"]["SignatureScheme"];
            /** @description The Ed25519 public key (`whpk_`) deliveries are signed with; null for an `hmac` webhook. */
            public_key: string | null;
            /** @description Every key signing deliveries now: the current one, and during a rotation's grace period the previous one. Empty for `hmac`. */
            public_keys: components["schemas"]["WebhookPublicKey"][];
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string;
        };
        /**
         * @description `hmac` (default): Standard Webhooks `v1` signatures, HMAC-SHA256 with the `whsec_` secret. `ed25519`: `v1a` signatures with a key pair whose public key (`whpk_`) is published in the app's JWKS; receivers verify without holding a secret.
         * @enum {string}
         */
        SignatureScheme: "hmac" | "ed25519";
        WebhookPublicKey: {
            /** @description RFC 7638 JWK thumbprint of the key, its `kid` in the JWKS. */
            kid: string;
            /** @example whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo= */
            public_key: string;
            /**
             * Format: date-time
             * @description Null for the current key; for the key a rotation replaced, when it stops signing.
             * @example 2025-09-30T10:30:00.000Z
             */
            expires_at: string | null;
        };
        CreateWebhookResponse: {
            /** @enum {boolean} */
            success: true;
            webhook_id: string;
            /**
             * @description Standard Webhooks secret (`whsec_` + base64). Shown once; verify `hmac` deliveries with it. An `ed25519` webhook signs with its key pair instead (`webhook.public_key`); the secret then only matters if the scheme is switched back.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            webhook_secret: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            created_at: string;
            webhook: components["schemas"]["Webhook"];
        };
        /**
         * @example {
         *       "webhook_url": "https://workbuddy.example/api/oriva-events",
         *       "subscribed_events": [
         *         "notification.dismissed",
         *         "notification.clicked",
         *         "user.profile_updated"
         *       ]
         *     }
         */
        CreateWebhookRequest: {
            /**
             * Format: uri
             * @example https://workbuddy.example/api/oriva-events
             */
            webhook_url: string;
            subscribed_events: string[];
            description?: string;
            is_active?: boolean;
            signature_scheme?: components["schemas"]["SignatureScheme"] & unknown;
            /** @description Default 5. */
            max_retries?: number;
            /** @description First retry delay, doubling each time. Default 1. */
            retry_backoff_seconds?: number;
        };
        WebhookResponse: {
            /** @enum {boolean} */
            success: true;
            webhook: components["schemas"]["Webhook"];
        };
        UpdateWebhookRequest: {
            /**
             * Format: uri
             * @example https://workbuddy.example/api/oriva-events
             */
            webhook_url?: string;
            subscribed_events?: string[];
            description?: string | null;
            /** @description true re-enables a disabled webhook and resets its failure count. */
            is_active?: boolean;
            signature_scheme?: components["schemas"]["SignatureScheme"] & unknown;
            max_retries?: number;
            retry_backoff_seconds?: number;
        };
        ListDeliveriesResponse: {
            /** @enum {boolean} */
            success: true;
            deliveries: components["schemas"]["Delivery"][];
            pagination: {
                limit: number;
                has_more: boolean;
                next_cursor: string | null;
            };
        };
        RecoverResponse: {
            /** @enum {boolean} */
            success: true;
            /** @description Failed deliveries in the window (requeued unless dry_run). */
            count: number;
            dry_run: boolean;
        };
        RecoverRequest: {
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            until?: string;
            dry_run?: boolean;
        };
        RotateSecretResponse: {
            /** @enum {boolean} */
            success: true;
            webhook_secret: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            previous_secret_expires_at: string | null;
        };
        RotateSecretRequest: {
            /** @description How long the old secret keeps signing too. Default 86400 (24 h). */
            grace_period_seconds?: number;
        };
        RotateSigningKeyResponse: {
            /** @enum {boolean} */
            success: true;
            /** @description The new `whpk_` public key. */
            public_key: string;
            kid: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            previous_key_expires_at: string | null;
        };
        TestWebhookResponse: {
            /** @enum {boolean} */
            success: true;
            event_id: string;
            delivery_id: string;
        };
        /** @description Every Ed25519 public key signing the app's webhooks now (RFC 7517 JWK Set): one per `ed25519` webhook, two during a rotation's grace period. */
        Jwks: {
            keys: components["schemas"]["Jwk"][];
        };
        Jwk: {
            /** @enum {string} */
            kty: "OKP";
            /** @enum {string} */
            crv: "Ed25519";
            /** @description The public key, base64url. */
            x: string;
            kid: string;
            /** @enum {string} */
            use: "sig";
            /** @enum {string} */
            alg: "EdDSA";
        };
        DevUserTokenResponse: {
            /** @enum {boolean} */
            success: true;
            /** @example user_456 */
            user_id: string;
            /** @description An HS256 JWT whose `sub` is the user, signed with the server's secret. */
            token: string;
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            expires_at: string;
        };
        CatalogueResponse: {
            /** @enum {boolean} */
            success: true;
            event_types: components["schemas"]["EventType"][];
            pagination: {
                limit: number;
                has_more: boolean;
                /** @description Pass as `after` for the next page: the last name on this page. */
                next_cursor: string | null;
            };
        };
        StreamTicketResponse: {
            /** @enum {boolean} */
            success: true;
            /** @example tkt_9c1J… */
            ticket: string;
            /**
             * Format: date-time
             * @description Valid for 30 seconds, for one connection.
             * @example 2025-09-30T10:30:00.000Z
             */
            expires_at: string;
        };
        NotificationResponse: {
            /** @enum {boolean} */
            success: true;
            notification: components["schemas"]["Notification"];
        };
        /**
         * @example {
         *       "status": "dismissed",
         *       "dismissed_from": "oriva_core"
         *     }
         */
        UpdateNotificationRequest: {
            status?: components["schemas"]["SettableNotificationStatus"];
            /**
             * @description Where it was dismissed.
             * @example oriva_core
             */
            dismissed_from?: string;
            /**
             * @description What the click did.
             * @example open_session
             */
            click_action?: string;
            /** @example Session starting in 10 minutes */
            title?: string;
            /** @example Your session with Sarah starts soon */
            body?: string;
            /** @example workbuddy://session/789 */
            action_url?: string | null;
            /** @example View Session */
            action_label?: string | null;
            /**
             * Format: uri
             * @example https://workbuddy.example/images/session.png
             */
            image_url?: string | null;
            /**
             * Format: uri
             * @example https://workbuddy.example/images/session.png
             */
            icon_url?: string | null;
            priority?: components["schemas"]["NotificationPriority"];
            /** @description Free-form JSON object, at most 16384 bytes serialized and 32 levels deep. */
            context_data?: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2025-09-30T12:00:00Z
             */
            expires_at?: string | null;
        };
        PublishPlatformEventResponse: {
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            timestamp: string;
            /** @description The apps that know the user and so received the event, each as an event of its own log (empty: no app knows the user). */
            recipients: {
                /** @example work-buddy */
                app_id: string;
                /** @example evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
                event_id: string;
            }[];
            /** @enum {boolean} */
            success: true;
        };
        /**
         * @example {
         *       "event_category": "user",
         *       "event_type": "profile_updated",
         *       "entity_type": "user",
         *       "entity_id": "user_456",
         *       "user_id": "user_456",
         *       "event_data": {
         *         "changed_fields": [
         *           "display_name"
         *         ]
         *       }
         *     }
         */
        PublishPlatformEventRequest: components["schemas"]["PublishEventRequest"] & {
            /**
             * @example user
             * @enum {string}
             */
            event_category?: "user" | "platform";
        };
        PublishPlatformBatchResponse: {
            /** @enum {boolean} */
            success: true;
            count: number;
            events: {
                /**
                 * Format: date-time
                 * @example 2025-09-30T10:30:00.000Z
                 */
                timestamp: string;
                /** @description The apps that know the user and so received the event, each as an event of its own log (empty: no app knows the user). */
                recipients: {
                    /** @example work-buddy */
                    app_id: string;
                    /** @example evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T */
                    event_id: string;
                }[];
            }[];
        };
        PublishPlatformBatchRequest: {
            events: components["schemas"]["PublishPlatformEventRequest"][];
        };
        UserAppResponse: {
            /** @enum {boolean} */
            success: true;
            user_id: string;
            app_id: string;
            /** @description Whether the app now has a relationship with the user. */
            connected: boolean;
        };
        ListNotificationsResponse: {
            /** @enum {boolean} */
            success: true;
            notifications: components["schemas"]["Notification"][];
            pagination: components["schemas"]["Pagination"];
            unread_count: number;
            muted_unread_count: number;
            /** @description The stream's position when this page was read: open the stream with `since=<stream_position>` to receive every change after it, none missed (snapshot + position). A change already in the page may arrive again. */
            stream_position: number;
        };
        ReadAllResponse: {
            /** @enum {boolean} */
            success: true;
            /** @description Notifications marked read. */
            count: number;
        };
        ReadAllRequest: {
            /** @example work-buddy */
            app_id?: string;
            /**
             * Format: date-time
             * @description Only notifications created before this time.
             */
            before?: string;
        };
        UnreadCountResponse: components["schemas"]["UnreadCounts"] & {
            /** @enum {boolean} */
            success: true;
        };
        UnreadCounts: {
            /** @description Unread, unexpired notifications from apps and types not muted. */
            unread_count: number;
            /** @description Unread notifications hidden by mutes. */
            muted_unread_count: number;
            /** @description Unread (not muted) per app. */
            by_app: {
                [key: string]: number;
            };
        };
        PreferencesResponse: {
            /** @enum {boolean} */
            success: true;
            preferences: components["schemas"]["Preferences"];
            /**
             * Format: date-time
             * @example 2025-09-30T10:30:00.000Z
             */
            updated_at: string | null;
        };
        Preferences: {
            muted_apps: string[];
            /**
             * @description Per app, notification types the user muted.
             * @example {
             *       "work-buddy": [
             *         "digest"
             *       ]
             *     }
             */
            muted_types: {
                [key: string]: string[];
            };
        };
        PutPreferencesRequest: {
            /** @description Apps the user muted. Default: none. */
            muted_apps?: string[];
            /**
             * @description Per app, notification types the user muted. Default: none.
             * @example {
             *       "work-buddy": [
             *         "digest"
             *       ]
             *     }
             */
            muted_types?: {
                [key: string]: string[];
            };
        };
        Health: {
            status: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
        IdempotencyKey: components["schemas"]["IdempotencyKey"];
    };
    requestBodies: never;
    headers: {
        /** @description The request's id: the caller's own `X-Request-Id` when it is 1-128 letters, digits and `_.:-`, otherwise a new one. It is in every log line; quote it when reporting a problem. */
        "X-Request-Id": string;
        /** @description On errors: `true` when the same request may succeed later (a 429, an idempotent request still running), `false` when repeating it will not help. */
        "x-should-retry": "true" | "false";
        /** @description Seconds to wait before trying again (RFC 9110). */
        "Retry-After": string;
        /** @description Where the caller stands in the current window (IETF draft-ietf-httpapi-ratelimit-headers): `limit=<n>, remaining=<n>, reset=<seconds>`. Sent when rate limiting is on. */
        RateLimit: string;
        /** @description The limit that applies: `<limit>;w=<window seconds>`. Sent when rate limiting is on. */
        "RateLimit-Policy": string;
        /** @description Present (`true`) when this is the stored answer to an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description When this operation was deprecated (RFC 9745): `@` and Unix seconds. */
        Deprecation: string;
        /** @description When this operation will be removed (RFC 8594), as an HTTP date. */
        Sunset: string;
        /** @description Where the migration guide is: `</docs/migration>; rel="deprecation"`. */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listArchives: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archives, by name (app, then month). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveListResponse"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Archival is off: ORIVA_ARCHIVE_DIR is not set (`archive_not_configured`). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    restoreArchive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestoreArchiveRequest"];
            };
        };
        responses: {
            /** @description What was restored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreArchiveResponse"];
                };
            };
            /** @description The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No archive of that name (`archive_not_found`), or archival is off (`archive_not_configured`). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The archive's app no longer exists (`app_missing`). The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The archive never completed (`archive_incomplete`) or does not match its manifest (`archive_corrupt`); nothing was inserted. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pruneData: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PruneRequest"];
            };
        };
        responses: {
            /** @description What was removed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PruneResponse"];
                };
            };
            /** @description The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Another instance is pruning right now (`prune_in_progress`, retryable). The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAdminStats: {
        parameters: {
            query?: {
                /** @description Start (ISO-8601), rounded down to the interval. Default: `to` minus 24 hours. */
                from?: string;
                /** @description End, exclusive (ISO-8601), rounded up to the interval. Default: now. */
                to?: string;
                /** @description Bucket size of the series. At most 1500 buckets per query. */
                interval?: components["schemas"]["StatsInterval"] & unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Series and totals. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminStatsResponse"];
                };
            };
            /** @description A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eraseUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is erased (erasing an unknown user erases nothing and succeeds). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EraseUserResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every app. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAppsResponse"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAppRequest"];
            };
        };
        responses: {
            /** @description The app and its first key (shown once). */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateAppResponse"];
                };
            };
            /** @description The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An app with this `app_id` already exists (`app_exists`). The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAppRequest"];
            };
        };
        responses: {
            /** @description The updated app. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConsumers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consumers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListConsumersResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConsumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                consumer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consumer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsumerResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteConsumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                consumer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    commitConsumer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                consumer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitConsumerRequest"];
            };
        };
        responses: {
            /** @description The consumer after the commit. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitConsumerResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The position is past the newest event (`position_ahead`): committing it would skip events not yet published. The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pollConsumer: {
        parameters: {
            query?: {
                events?: string;
                /** @description Only this user's events. */
                user_id?: string;
                limit?: number;
                /** @description Seconds to wait for an event when there is none yet (long polling, at most 30); answered as soon as one commits. */
                wait?: number | null;
            };
            header?: never;
            path: {
                app_id: string;
                consumer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events, and the position to commit. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PollConsumerResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAppEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event types. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEventTypesResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEventType: {
        parameters: {
            query?: {
                /** @description Read this version of the schema and its examples; the latest when left out. */
                version?: number;
            };
            header?: never;
            path: {
                app_id: string;
                event_type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event type. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putEventType: {
        parameters: {
            query?: {
                /** @description Accept a schema that rejects examples of the previous version. Without it such a change is a 409 `breaking_change` naming the examples that broke. */
                breaking?: boolean;
            };
            header?: never;
            path: {
                app_id: string;
                event_type: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutEventTypeRequest"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeResponse"];
                };
            };
            /** @description Declared. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeResponse"];
                };
            };
            /** @description The schema is not a valid JSON Schema (`schema_invalid`), refers outside itself (`schema_remote_ref`), is too large or deep (`schema_too_large`), has a regex that could run away (`schema_unsafe_pattern`), or an example does not validate (`example_invalid`); the name is a type the platform itself records (`event_type_reserved`); `error.fields` says where. A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The new schema rejects examples of the previous version (`breaking_change`, each named in `error.fields`): send `?breaking=true` to accept. Or another request changed the type at the same time (`event_type_changed`): read it and send yours again. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                event_type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                event_category?: string;
                event_type?: string;
                user_id?: string;
                entity_id?: string;
                /** @description Inclusive lower bound (ISO-8601). */
                start_date?: string;
                /** @description Exclusive upper bound (ISO-8601). */
                end_date?: string;
                limit?: number;
                offset?: number | null;
                /** @description Cursor: the previous page's `pagination.next_cursor`. Use instead of offset for deep pages. */
                after?: string;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEventsResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishEventRequest"];
            };
        };
        responses: {
            /** @description The event is stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The qualified types in the request that the app's catalogue does not declare, comma-separated; sent only when the app's `undeclared_types` is `warn`. */
                    "Oriva-Undeclared-Types"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishEventResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `event_data` does not validate against its event type's declared schema (`event_data_invalid`): each error is in `error.fields`, its path the event's field and the JSON pointer within it (`event_data/duration`, in a batch `events.3.event_data/duration`). Or the app rejects undeclared types (`undeclared_types: reject`) and the type is not in its catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                event_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayEventRequest"];
            };
        };
        responses: {
            /** @description Queued: the new delivery. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishEventBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishBatchRequest"];
            };
        };
        responses: {
            /** @description Every event is stored, in order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The qualified types in the request that the app's catalogue does not declare, comma-separated; sent only when the app's `undeclared_types` is `warn`. */
                    "Oriva-Undeclared-Types"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishBatchResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `event_data` does not validate against its event type's declared schema (`event_data_invalid`): each error is in `error.fields`, its path the event's field and the JSON pointer within it (`event_data/duration`, in a batch `events.3.event_data/duration`). Or the app rejects undeclared types (`undeclared_types: reject`) and the type is not in its catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validateEventBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishBatchRequest"];
            };
        };
        responses: {
            /** @description Publishing would accept every event. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The qualified types in the request that the app's catalogue does not declare, comma-separated; sent only when the app's `undeclared_types` is `warn`. */
                    "Oriva-Undeclared-Types"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateBatchResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `event_data` does not validate against its event type's declared schema (`event_data_invalid`): each error is in `error.fields`, its path the event's field and the JSON pointer within it (`event_data/duration`, in a batch `events.3.event_data/duration`). Or the app rejects undeclared types (`undeclared_types: reject`) and the type is not in its catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validateEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishEventRequest"];
            };
        };
        responses: {
            /** @description Publishing would accept it. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    /** @description The qualified types in the request that the app's catalogue does not declare, comma-separated; sent only when the app's `undeclared_types` is `warn`. */
                    "Oriva-Undeclared-Types"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateEventResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `event_data` does not validate against its event type's declared schema (`event_data_invalid`): each error is in `error.fields`, its path the event's field and the JSON pointer within it (`event_data/duration`, in a batch `events.3.event_data/duration`). Or the app rejects undeclared types (`undeclared_types: reject`) and the type is not in its catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListKeysResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateKeyRequest"];
            };
        };
        responses: {
            /** @description The new key (shown once). */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAppNotifications: {
        parameters: {
            query?: {
                user_id?: string;
                status?: "unread" | "read" | "clicked" | "dismissed" | "expired";
                external_id?: string;
                limit?: number;
                offset?: number | null;
                /** @description Cursor: the previous page's `pagination.next_cursor`, for deep pages. */
                after?: string;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAppNotificationsResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createNotification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNotificationRequest"] | components["schemas"]["CreateNotificationExampleOneRequest"];
            };
        };
        responses: {
            /** @description Already existed with the same content: nothing changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateNotificationResponse"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateNotificationResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `external_id` already names a notification with other content (`notification_exists`). The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    legacyNotificationEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegacyNotificationEventRequest"];
                "text/plain": string;
            };
        };
        responses: {
            /** @description The state after the request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateNotificationResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The notification has expired, so its state cannot change (`notification_expired`). The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    Deprecation: components["headers"]["Deprecation"];
                    Sunset: components["headers"]["Sunset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPortalSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreatePortalSessionRequest"];
            };
        };
        responses: {
            /** @description The link and when it stops working. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSessionResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAppStats: {
        parameters: {
            query?: {
                /** @description Start (ISO-8601), rounded down to the interval. Default: `to` minus 24 hours. */
                from?: string;
                /** @description End, exclusive (ISO-8601), rounded up to the interval. Default: now. */
                to?: string;
                /** @description Bucket size of the series. At most 1500 buckets per query. */
                interval?: components["schemas"]["StatsInterval"] & unknown;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Series and totals. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppStatsResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhooks. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListWebhooksResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description Created; the secret is shown once. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateWebhookResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookRequest"];
            };
        };
        responses: {
            /** @description The webhook. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description true: delivered; false: failed for good or still retrying. */
                success?: boolean;
                event_type?: string;
                since?: string;
                limit?: number;
                after?: string;
            };
            header?: never;
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListDeliveriesResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recoverDeliveries: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecoverRequest"];
            };
        };
        responses: {
            /** @description How many. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoverResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateSecretRequest"];
            };
        };
        responses: {
            /** @description The new secret, shown once. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotateSecretResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSigningKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateSecretRequest"];
            };
        };
        responses: {
            /** @description The new public key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotateSigningKeyResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                app_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for delivery. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestWebhookResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookJwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JWK Set. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDevUserToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A token for the user. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevUserTokenResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not act on this resource. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypeCatalogue: {
        parameters: {
            query?: {
                /** @description Only this app's types (the platform's own are left out). */
                app_id?: string;
                category?: string;
                limit?: number;
                /** @description The previous page's `pagination.next_cursor`: types are listed by name, this one excluded. */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of event types, by name. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueResponse"];
                };
            };
            /** @description A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openStream: {
        parameters: {
            query?: {
                app_id?: string;
                user_id?: string;
                events?: string;
                /** @description Resume after this position or event id. */
                since?: string;
                /** @description A token in the URL, as the design document writes it. URLs reach proxies' logs: prefer a ticket. */
                auth?: string;
                /** @description A single-use ticket from POST /api/v1/events/stream/tickets, valid for 30 seconds. */
                ticket?: string;
            };
            header?: {
                /** @description `Bearer <token>`, for clients that can set headers on the upgrade request. */
                authorization?: string;
                /** @description `oriva.v1, auth.<token>`: how a browser sends its token. The server selects `oriva.v1`. */
                "sec-websocket-protocol"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching protocols. */
            101: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createStreamTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamTicketResponse"];
                };
            };
            /** @description The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The platform id (`ntf_…`) or the app's `external_id`: an app key resolves it within its app, a user token within the user's notifications. */
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The external id names notifications of several apps: use the platform id (`ambiguous_notification_id`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The platform id (`ntf_…`) or the app's `external_id`: an app key resolves it within its app, a user token within the user's notifications. */
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The external id names notifications of several apps: use the platform id (`ambiguous_notification_id`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The platform id (`ntf_…`) or the app's `external_id`: an app key resolves it within its app, a user token within the user's notifications. */
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationRequest"];
            };
        };
        responses: {
            /** @description The state after the request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateNotificationResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The notification has expired, so its state cannot change (`notification_expired`); or its external id names notifications of several apps (`ambiguous_notification_id`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishPlatformEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishPlatformEventRequest"];
            };
        };
        responses: {
            /** @description Stored for every app that knows the user. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishPlatformEventResponse"];
                };
            };
            /** @description The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `event_data` does not match the catalogued schema of its platform type (`event_data_invalid`), or the type is not in the platform's catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishPlatformEventBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishPlatformBatchRequest"];
            };
        };
        responses: {
            /** @description Every event is stored, in order, for the apps that know its user. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishPlatformBatchResponse"];
                };
            };
            /** @description The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `event_data` does not match the catalogued schema of its platform type (`event_data_invalid`), or the type is not in the platform's catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    connectUserApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app knows the user (idempotent). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAppResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    disconnectUserApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app no longer knows the user (idempotent). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAppResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserNotifications: {
        parameters: {
            query?: {
                /** @description Without it: unread, read and clicked notifications that have not expired, from apps the user has not muted. `all` shows every status. */
                status?: "unread" | "read" | "clicked" | "dismissed" | "expired" | "all";
                /** @description Only this app's notifications (shown even if the app is muted). */
                app_id?: string;
                priority?: components["schemas"]["NotificationPriority"];
                notification_type?: string;
                /** @description Also show notifications of muted apps and types. */
                include_muted?: boolean;
                /** @description Collapse each `group_key` into its newest notification, with `group_count`. */
                group?: boolean;
                limit?: number;
                offset?: number | null;
                /** @description Cursor: the previous page's `pagination.next_cursor`, for deep pages. */
                after?: string;
            };
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page, with unread counts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListNotificationsResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). A query parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markAllRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReadAllRequest"];
            };
        };
        responses: {
            /** @description How many were marked. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers). */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    "Retry-After": components["headers"]["Retry-After"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutPreferencesRequest"];
            };
        };
        responses: {
            /** @description The saved preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesResponse"];
                };
            };
            /** @description A path parameter is not valid (`validation_failed`, naming it in `error.fields`). The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than 1 MiB (`payload_too_large`); the connection is closed. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Storage is not answering. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "x-should-retry": components["headers"]["x-should-retry"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    on_delivery_exhausted: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryExhaustedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_clicked: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationClickedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_created: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_deleted: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationDeletedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_dismissed: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationDismissedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_expired: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationExpiredEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_read: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationReadEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_read_all: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationReadAllEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_unread: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationUnreadEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_notification_updated: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_user_deleted: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserDeletedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_user_profile_updated: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserProfileUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_disabled: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookDisabledEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_enabled: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEnabledEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_failing: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookFailingEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_recovered: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookRecoveredEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    on_webhook_test: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery id (`del_…`), the same on every retry: deduplicate on it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed; refuse old ones. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookTestEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
