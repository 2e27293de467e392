/**
 * Typed webhook events, without a dependency: the type map `oriva types generate` writes (qualified names to
 * their `event_data` types) turned into the union of delivery bodies it describes, to pass as the type
 * parameter every verify function already takes. Types only, nothing at run time.
 *
 * ```ts
 * import type { OrivaEventMap } from './oriva-events.js';
 * const event = verify<WebhookEvent<OrivaEventMap>>(rawBody, req.headers, secret);
 * if (event.type === 'session.ended') event.event_data.duration; // SessionEnded
 * ```
 *
 * The rules are `@oriva/sdk`'s, written again here because this package depends on nothing: the union is
 * closed (TypeScript cannot narrow a union that also holds a `type: string` member), so a delivery of a type
 * the map does not list lands in a `switch`'s `default` branch. A map wrapped in the SDK's `StrictEventMap`
 * is read the same way: its mark has no dot, so it is never taken for a name.
 *
 * @module
 */

/**
 * The body of every Oriva webhook delivery, untyped: the contract's `WebhookPayload` (which `toWebhookPayload`
 * builds), written out so this package needs no other. `event_type` is the qualified name, like `type`.
 */
export type WebhookPayload = {
  /** `evt_…` */
  id: string;
  /** `<event_category>.<event_type>`, such as `notification.dismissed`. */
  type: string;
  event_category: string;
  /** The qualified name, like `type` (REST lists and the stream carry the bare name). */
  event_type: string;
  entity_type: string;
  /** For notification events, the app's own `external_id` of the notification. */
  entity_id: string;
  user_id: string | null;
  app_id: string;
  event_data: Record<string, unknown>;
  /** ISO 8601. */
  timestamp: string;
};

/** The map meaning "no types known": `WebhookEvent<UntypedEventMap>` is `WebhookPayload`. */
export type UntypedEventMap = Record<never, never>;

/** The qualified names (`<category>.<type>`) a map lists. Neither part may contain a dot. */
export type WebhookEventName<M> = Extract<keyof M, `${string}.${string}`>;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

type Member<M, K extends WebhookEventName<M>> = K extends `${infer C}.${string}`
  ? Flatten<
      Omit<WebhookPayload, 'type' | 'event_category' | 'event_type' | 'event_data'> & {
        type: K;
        event_category: C;
        event_type: K;
        event_data: M[K];
      }
    >
  : never;

/**
 * The delivery body for the type map `M`: the union over its names, discriminated by `type` (or `event_type`,
 * which a delivery also qualifies), so `event.type === 'session.ended'` narrows `event_data`. With no names,
 * the untyped `WebhookPayload`.
 *
 * @example
 * ```ts
 * const event = verify<WebhookEvent<OrivaEventMap>>(req.body, req.headers, secret);
 * switch (event.type) {
 *   case 'session.ended':
 *     recordDuration(event.event_data.duration); // typed by the map's SessionEnded
 *     break;
 *   default:
 *     console.log('unhandled', event.type);
 * }
 * ```
 */
export type WebhookEvent<M extends object = UntypedEventMap> = [WebhookEventName<M>] extends [never]
  ? WebhookPayload
  : { [K in WebhookEventName<M>]: Member<M, K> }[WebhookEventName<M>];

/** The delivery body of one name `K` of the map, for a handler of that type alone. */
export type WebhookEventOf<M extends object, K extends WebhookEventName<M>> = Extract<WebhookEvent<M>, { type: K }>;
