/**
 * Typed events: a type map from qualified event names to their `event_data` types, as
 * `oriva types generate` writes it, turned into what each channel carries. Types only, nothing at run time.
 *
 * ```ts
 * export interface OrivaEventMap {
 *   'session.ended': SessionEnded;
 *   'notification.dismissed': NotificationDismissed;
 * }
 * const client = new Oriva<OrivaEventMap>({ appId: 'work-buddy' });
 * ```
 *
 * Two rules decide the shapes, and `@oriva/webhook-verify` follows the same ones:
 * - Publishing: a name the map lists has its `event_data` checked; any other name is accepted untyped
 *   (`Record<string, unknown>`), unless the map is wrapped in {@link StrictEventMap}, which makes it an error.
 * - Receiving (stream, list, webhooks): the event is the union of the map's types, discriminated by `type`,
 *   so `if (event.type === 'session.ended')` narrows `event_data`. The union is closed because TypeScript
 *   cannot narrow a union that also holds a `type: string` member; an event of a type the map does not list
 *   still arrives if the subscription selects it, and lands in a `switch`'s `default` branch.
 *
 * @module
 */
import type { Event, PublishEventRequest } from '../types.js';

/**
 * The map a client uses when given none: no names, so every event is untyped, exactly as without typed events.
 */
export type UntypedEventMap = Record<never, never>;

/**
 * The key that marks a map strict. It has no dot, so it can never be an event's qualified name, and it is a
 * string rather than a symbol so that `@oriva/webhook-verify`, which shares no code with the SDK, reads the same mark.
 */
type StrictMark = '~strict';

/**
 * A map made strict: publishing a name it does not list is a compile error, instead of untyped.
 *
 * @example
 * const client = new Oriva<StrictEventMap<OrivaEventMap>>({ appId: 'work-buddy' });
 * // @ts-expect-error: 'session.paused' is not in the map
 * await client.events.publish({ event_category: 'session', event_type: 'paused', ... });
 */
export type StrictEventMap<M extends object> = M & { readonly [K in StrictMark]: true };

/** The qualified names (`<category>.<type>`) a map lists. Neither part may contain a dot, so the first dot splits them. */
export type EventName<M> = Extract<keyof M, `${string}.${string}`>;

/** The `event_data` type of one qualified name: the map's type, or `Record<string, unknown>` for a name it does not list. */
export type EventData<M, K extends string> = K extends EventName<M> ? M[K] : Record<string, unknown>;

/** `true` when the map lists no names: the client behaves exactly as an untyped one. */
export type IsUntyped<M> = [EventName<M>] extends [never] ? true : false;

type IsStrict<M> = M extends { readonly [K in StrictMark]: true } ? true : false;

/** The part before the first dot of each name (distributes over a union of names). */
type CategoryOf<N> = N extends `${infer C}.${string}` ? C : never;

/** The part after the first dot of the names in category `C`. */
type TypeOf<N, C extends string> = N extends `${C}.${infer T}` ? T : never;

/**
 * The categories `publish` accepts: the map's, plus any other unless the map is strict. `string & {}` keeps
 * the map's categories offered by editors' completion while still accepting others.
 */
export type PublishableCategory<M> =
  IsStrict<M> extends true ? CategoryOf<EventName<M>> : CategoryOf<EventName<M>> | (string & {});

/** The types `publish` accepts in category `C`: the map's, plus any other unless the map is strict. */
export type PublishableType<M, C extends string> =
  IsStrict<M> extends true ? TypeOf<EventName<M>, C> : TypeOf<EventName<M>, C> | (string & {});

/** Shows an intersection as one object type in editors' hovers and error messages. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** `event_data` is required when the type's schema requires something, optional when an empty object would do. */
type DataField<D> = Record<never, never> extends D ? { event_data?: D } : { event_data: D };

/**
 * One event to publish whose `event_data` is checked against the map: `C` and `T` are the `event_category`
 * and `event_type` given, and the data must be `M['<C>.<T>']` when the map lists that name, else any object.
 * With the untyped map this is `PublishEventRequest`. (An intersection, not one flattened object type: the
 * compiler infers `C` and `T` from the call's literals through it.)
 */
export type PublishEventParams<M = UntypedEventMap, C extends string = string, T extends string = string> = Omit<
  PublishEventRequest,
  'event_category' | 'event_type' | 'event_data'
> & { event_category: C; event_type: T } & DataField<EventData<M, `${C}.${T}`>>;

/**
 * Each element of a batch checked as {@link PublishEventParams} for its own category and type: the batch's
 * element type, with literal categories and types inferred per element, mapped to what each must be.
 */
export type PublishBatchParams<M, E extends readonly unknown[]> =
  IsUntyped<M> extends true ? readonly PublishEventRequest[] : { readonly [I in keyof E]: CheckedElement<M, E[I]> };

type CheckedElement<M, E> = E extends {
  event_category: infer C extends string;
  event_type: infer T extends string;
}
  ? PublishEventParams<M, C, T>
  : PublishEventParams<M, PublishableCategory<M> & string, string>;

/** What a batch element may be before its own check: any category and type the map allows, any data. */
export type PublishBatchElement<M> =
  IsUntyped<M> extends true
    ? PublishEventRequest
    : Omit<PublishEventRequest, 'event_category' | 'event_type' | 'event_data'> & {
        event_category: PublishableCategory<M>;
        event_type: string;
        event_data?: object;
      };

/** The fields that name an event's type on a channel, for name `K` of the map. */
type Named<K extends string, Qualified extends boolean> = K extends `${infer C}.${infer T}`
  ? { type: K; event_category: C; event_type: Qualified extends true ? K : T }
  : never;

/**
 * The union, over the map's names, of a channel's event shape `Shape` with its names and `event_data` narrowed:
 * discriminated by `type` (and by `event_category` with `event_type`).
 */
export type EventUnion<M, Shape extends { event_data: unknown }, QualifiedEventType extends boolean = false> = {
  [K in EventName<M>]: Flatten<
    Omit<Shape, 'type' | 'event_category' | 'event_type' | 'event_data'> &
      Named<K, QualifiedEventType> & { event_data: M[K] }
  >;
}[EventName<M>];

/**
 * A stored event as `events.list` returns it: with a map, the union of its types (narrow with
 * `event.type === 'session.ended'`); with none, `Event`.
 */
export type TypedEvent<M = UntypedEventMap> = IsUntyped<M> extends true ? Event : EventUnion<M, Event>;

/** A received event of one name `K`: its member of the union when the map lists it, else the untyped shape. */
export type EventOfName<M, K extends string, Shape extends { event_data: unknown }> =
  K extends EventName<M> ? Extract<EventUnion<M, Shape>, { type: K }> : Shape;

/** The qualified names a handler may be registered for: the map's, plus any other unless the map is strict. */
export type ListenableName<M> = IsStrict<M> extends true ? EventName<M> : EventName<M> | `${string}.${string}`;
