import { OrivaError } from './errors.js';

/** The API's path prefix: every route lives under it. */
export const API_PREFIX = '/api/v1';
/** The local server (`pnpm start`) on its default port. */
export const DEFAULT_BASE_URL = `http://localhost:8787${API_PREFIX}`;

/**
 * Normalise a base URL to the API base ending in `/api/v1`: an origin (`http://localhost:8787`)
 * gets `/api/v1` appended, a URL already ending in `/api/v<n>` is kept, trailing slashes go.
 * A path prefix (a reverse proxy's `https://example.com/oriva`) is kept: `https://example.com/oriva/api/v1`.
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new OrivaError(
      `Invalid baseUrl ${JSON.stringify(input)}: expected an absolute http(s) URL such as https://api.oriva.io/api/v1 or http://localhost:8787.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OrivaError(`Invalid baseUrl ${JSON.stringify(input)}: only http and https are supported.`);
  }
  if (url.search || url.hash) {
    throw new OrivaError(`Invalid baseUrl ${JSON.stringify(input)}: it must not have a query string or fragment.`);
  }
  let pathname = url.pathname.replace(/\/+$/, '');
  if (!/\/api\/v\d+$/.test(pathname)) pathname += API_PREFIX;
  return `${url.origin}${pathname}`;
}

/**
 * A tagged template that percent-encodes every interpolated path parameter, and refuses
 * empty, `.` and `..` values (they would address another route).
 *
 * @example
 * path`/apps/${appId}/keys/${keyId}` // '/apps/work-buddy/keys/key_01…'
 */
export function path(strings: TemplateStringsArray, ...params: string[]): string {
  let result = strings[0] ?? '';
  params.forEach((param, index) => {
    if (typeof param !== 'string' || param === '' || param === '.' || param === '..') {
      throw new OrivaError(
        `Invalid path parameter ${JSON.stringify(param)} in ${strings.join(':param')}: expected a non-empty string.`,
      );
    }
    result += encodeURIComponent(param) + (strings[index + 1] ?? '');
  });
  return result;
}

/** A query parameter value; `undefined` and `null` are left out, arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** `?a=1&b=2`, or `''` when nothing is set. */
export function buildQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
    } else {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
