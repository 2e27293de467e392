/**
 * Pages of a list: a request asks for `limit`, storage is asked for one more, and that extra row
 * says whether there is a next page. Page cursors are opaque to clients: they carry a stream position (the order of commits), so the
 * next page is one index seek however deep it is, and events arriving meanwhile never shift it.
 */
const PREFIX = 'cur_';

export function encodeCursor(position: number): string {
  return `${PREFIX}${position.toString(36)}`;
}

/** The contract has already checked the shape (`cur_` and base-36 digits). */
export function decodeCursor(cursor: string): number {
  return Number.parseInt(cursor.slice(PREFIX.length), 36);
}

/**
 * Cursors over rows ordered by a time-ordered id (notifications): the id's ULID part, lower-cased so
 * every cursor has the same shape.
 */
export function encodeIdCursor(id: string): string {
  return `${PREFIX}${id.slice(id.indexOf('_') + 1).toLowerCase()}`;
}

export function decodeIdCursor(cursor: string, idPrefix: string): string {
  return `${idPrefix}_${cursor.slice(PREFIX.length).toUpperCase()}`;
}

/**
 * Cuts rows read with `limit + 1` to the page, and says where the next one starts (`cursorOf` the
 * page's last row).
 */
export function pageOf<Row>(
  rows: Row[],
  limit: number,
  cursorOf: (last: Row) => string,
): { items: Row[]; has_more: boolean; next_cursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, has_more: hasMore, next_cursor: hasMore ? cursorOf(items.at(-1)!) : null };
}
