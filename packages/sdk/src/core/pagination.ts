import type { Pagination } from '../types.js';
import { APIPromise } from './api-promise.js';
import { OrivaError } from './errors.js';

/** The paging parameters every cursor-paged list accepts. */
export interface CursorQuery {
  limit?: number | undefined;
  offset?: number | null | undefined;
  after?: string | undefined;
}

/**
 * The part of a list's `pagination` object that paging needs. Most lists also send `total` and
 * `offset` (`Pagination`); some (a webhook's deliveries) send only these.
 */
export type CursorPagination = Pick<Pagination, 'limit' | 'has_more' | 'next_cursor'>;

/** Fetches one page of a list for a query. */
export type PageFetcher<
  Item,
  Query extends CursorQuery,
  Page extends CursorPage<Item, Query, CursorPagination> = CursorPage<Item, Query>,
> = (query: Query) => PagePromise<Page, Item>;

/**
 * Builds a page from one list response; a list whose response carries more than its items (the
 * notification feed's unread counts) passes one that makes a `CursorPage` subclass.
 */
export type PageFactory<Item, Query extends CursorQuery, Page extends CursorPage<Item, Query, CursorPagination>> = (
  fetchPage: PageFetcher<Item, Query, Page>,
  query: Query,
  data: Item[],
  pagination: Page['pagination'],
  requestId: string | null,
  body: Record<string, unknown>,
) => Page;

/**
 * One page of a cursor-paged list. `data` holds this page's items; iterate the page with
 * `for await` to walk every item from here to the end, fetching the following pages on the way.
 * The next page is requested with `after = pagination.next_cursor` (never with `offset`).
 */
export class CursorPage<Item, Query extends CursorQuery = CursorQuery, PageInfo extends CursorPagination = Pagination>
  implements AsyncIterable<Item>
{
  /**
   * The server's `pagination` object: `limit`, `has_more`, `next_cursor`, and on most lists
   * `total` and `offset`.
   */
  readonly pagination: PageInfo;
  /** This page's items. */
  readonly data: Item[];
  /** The `X-Request-Id` of this page's response. */
  readonly requestId: string | null;
  readonly #query: Query;
  readonly #fetchPage: PageFetcher<Item, Query, CursorPage<Item, Query, CursorPagination>>;

  constructor(
    fetchPage: PageFetcher<Item, Query, CursorPage<Item, Query, CursorPagination>>,
    query: Query,
    data: Item[],
    pagination: PageInfo,
    requestId: string | null,
  ) {
    this.#fetchPage = fetchPage;
    this.#query = query;
    this.data = data;
    this.pagination = pagination;
    this.requestId = requestId;
  }

  /** The query that fetches the next page, or `null` on the last page. */
  nextPageQuery(): Query | null {
    const cursor = this.pagination.next_cursor;
    if (!this.pagination.has_more || !cursor || this.data.length === 0 || cursor === this.#query.after) return null;
    const { offset: _offset, ...rest } = this.#query;
    return { ...rest, after: cursor } as Query;
  }

  /**
   * Whether another page follows this one.
   *
   * @example
   * if (page.hasNextPage()) page = await page.getNextPage();
   */
  hasNextPage(): boolean {
    return this.nextPageQuery() !== null;
  }

  /**
   * Fetch the next page. Check `hasNextPage()` first: on the last page this throws.
   *
   * @example
   * let page = await client.events.list({ limit: 100 });
   * while (page.hasNextPage()) page = await page.getNextPage();
   */
  async getNextPage(): Promise<this> {
    const query = this.nextPageQuery();
    if (!query) throw new OrivaError('There is no next page: check hasNextPage() before calling getNextPage().');
    // The fetcher builds pages of this page's own class.
    return (await this.#fetchPage(query)) as this;
  }

  /**
   * This page and every following page, fetched one at a time.
   *
   * @example
   * for await (const page of (await client.events.list({ limit: 500 })).iterPages()) await store(page.data);
   */
  async *iterPages(): AsyncGenerator<this, void, undefined> {
    let page: this = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item from this page to the end of the list. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) {
      yield* page.data;
    }
  }
}

/**
 * What a `list()` method returns: await it for the first page, or iterate it with
 * `for await` for every item across all pages.
 *
 * @example
 * const page = await client.events.list({ limit: 50 }); // one page
 * for await (const event of client.events.list()) {}     // every event
 */
export class PagePromise<Page extends AsyncIterable<Item>, Item>
  extends APIPromise<Page>
  implements AsyncIterable<Item>
{
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const page = await this;
    yield* page;
  }
}
