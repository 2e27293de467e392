import type { APIPromise } from '../core/api-promise.js';
import { APIUserAbortError } from '../core/errors.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  CommitConsumerResponse,
  ConsumerEvent,
  ConsumerResponse,
  ListConsumersResponse,
  PollConsumerResponse,
} from '../types.js';

/** What one poll asks for. */
export interface PollParams {
  /** Event patterns: `*`, `<category>.*` or `<category>.<type>`. Default every event. A string is split on commas. */
  events?: string | readonly string[] | undefined;
  /** Only this user's events. */
  userId?: string | undefined;
  /** At most this many events per batch (1 to 1000, default 100). */
  limit?: number | undefined;
  /** Seconds a poll waits for an event when there is none yet (0 to 30). */
  wait?: number | undefined;
}

/** Options of `consumers.poll`: the batch, and whether to keep waiting for new events. */
export interface PollOptions extends PollParams, AppRequestOptions {
  /**
   * Keep polling when caught up (long polls of `wait` seconds, default 20), until `signal` aborts or
   * the loop breaks. `false`: end once every event there is now has been handled.
   */
  follow?: boolean | undefined;
}

const DEFAULT_FOLLOW_WAIT_SECONDS = 20;

/**
 * Polling consumers: named cursors on the app's events for code that cannot hold a socket or expose a
 * URL (serverless functions, batch jobs, agents). A poll returns the events after the consumer's
 * committed position; committing moves it on. Positions are the stream's: `client.stream({ since })`
 * with a committed position continues exactly where polling stopped.
 */
export class Consumers extends APIResource {
  /**
   * Every event after the consumer's committed position, one at a time, committing after each batch
   * is handled: when the loop asks for the event after a batch's last. A loop that throws or breaks
   * mid-batch commits nothing of that batch, so its events come again (at-least-once). The consumer is
   * created by its first poll.
   *
   * @example
   * for await (const event of client.consumers.poll('billing-sync', { events: ['invoice.*'], follow: false })) {
   *   await bill(event); // a throw here leaves the batch uncommitted: it is polled again next time
   * }
   */
  async *poll(consumerId: string, options: PollOptions = {}): AsyncGenerator<ConsumerEvent, void, undefined> {
    const { follow = true, events, userId, limit, wait, ...requestOptions } = options;
    const waitSeconds = wait ?? (follow ? DEFAULT_FOLLOW_WAIT_SECONDS : 0);
    try {
      for (;;) {
        const page = await this.read(consumerId, { events, userId, limit, wait: waitSeconds }, requestOptions);
        for (const event of page.events) yield event;
        if (page.position > page.consumer.position) await this.commit(consumerId, page.position, requestOptions);
        if (!follow && !page.has_more) return;
        if (requestOptions.signal?.aborted) return;
      }
    } catch (error) {
      // Aborting is how a following loop is stopped; a batch whose commit it cut short comes again.
      if (error instanceof APIUserAbortError) return;
      throw error;
    }
  }

  /**
   * One poll: the events after the committed position (nothing is committed), and the `position` to
   * commit once they are handled.
   *
   * @example
   * const { events, position } = await client.consumers.read('agent', { wait: 20 });
   * for (const event of events) await handle(event);
   * await client.consumers.commit('agent', position);
   */
  read(consumerId: string, params: PollParams = {}, options?: AppRequestOptions): APIPromise<PollConsumerResponse> {
    const events = typeof params.events === 'string' ? params.events : params.events?.join(',');
    return this._client.request<PollConsumerResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/consumers/${consumerId}/poll`,
      query: { events: events || undefined, user_id: params.userId, limit: params.limit, wait: params.wait },
    }));
  }

  /**
   * Commit a position: the next poll starts after it. A position at or below the committed one
   * changes nothing (`moved: false`); one past the newest event is a `ConflictError` (`position_ahead`).
   *
   * @example
   * await client.consumers.commit('agent', 1042);
   */
  commit(consumerId: string, position: number, options?: AppRequestOptions): APIPromise<CommitConsumerResponse> {
    return this._client.request<CommitConsumerResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/consumers/${consumerId}/commit`,
      body: { position },
    }));
  }

  /**
   * A consumer and its committed position.
   *
   * @example
   * const { consumer } = await client.consumers.get('agent');
   * console.log(consumer.position);
   */
  get(consumerId: string, options?: AppRequestOptions): APIPromise<ConsumerResponse> {
    return this._client.request<ConsumerResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/consumers/${consumerId}`,
    }));
  }

  /**
   * The app's consumers, by name.
   *
   * @example
   * const { consumers } = await client.consumers.list();
   */
  list(options?: AppRequestOptions): APIPromise<ListConsumersResponse> {
    return this._client.request<ListConsumersResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/consumers`,
    }));
  }

  /**
   * Forget a consumer and its position. Resolves with nothing (204).
   *
   * @example
   * await client.consumers.delete('agent');
   */
  delete(consumerId: string, options?: AppRequestOptions): APIPromise<void> {
    return this._client.request<void>(() => ({
      ...this._requestOptions(options),
      method: 'delete',
      path: path`/apps/${this._appId(options)}/consumers/${consumerId}`,
    }));
  }
}
