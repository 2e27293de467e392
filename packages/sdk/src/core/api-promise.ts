/** A raw result: the parsed body, the response it came from, and its request id. */
export interface APIResponse {
  response: Response;
  /** The parsed JSON body, or `undefined` when the body was empty (204). */
  body: unknown;
  /** The `X-Request-Id` header. */
  requestId: string | null;
}

/** What `withResponse()` resolves to. */
export interface WithResponse<T> {
  data: T;
  /** The HTTP response; its body has already been read. */
  response: Response;
  /** The `X-Request-Id` header: quote it when reporting a problem. */
  requestId: string | null;
}

/**
 * A promise of a method's result that can also give the HTTP response it came from.
 * Await it as usual, or call `withResponse()` for the request id and headers.
 *
 * @example
 * const { data, requestId } = await client.events.publish(event).withResponse();
 */
export class APIPromise<T> extends Promise<T> {
  readonly #raw: Promise<APIResponse>;
  readonly #transform: (raw: APIResponse) => T | Promise<T>;
  #parsed: Promise<T> | undefined;

  constructor(raw: Promise<APIResponse>, transform: (raw: APIResponse) => T | Promise<T>) {
    // The base promise is a placeholder: `then`, `catch` and `finally` below use the parsed result.
    super((resolve) => resolve(null as T));
    this.#raw = raw;
    this.#transform = transform;
  }

  /** Derived promises (`.then(...)`) are plain promises. */
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The result together with the HTTP response and its request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, raw] = await Promise.all([this.#parse(), this.#raw]);
    return { data, response: raw.response, requestId: raw.requestId };
  }

  #parse(): Promise<T> {
    this.#parsed ??= this.#raw.then(this.#transform);
    return this.#parsed;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a promise; `await` calls this.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parse().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parse().finally(onfinally);
  }
}
