/**
 * Page cursors are opaque to clients: they carry a stream position (the order of commits), so the
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
