/**
 * Archives hold one app's events of one calendar month (UTC), named `YYYY-MM`: both adapters and the
 * archive service agree on a month's bounds through these two functions.
 */

/** The half-open range [start, next month's start) of a `YYYY-MM` month, as ISO-8601 UTC. */
export function monthRange(month: string): [string, string] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return [
    new Date(Date.UTC(year, monthNumber - 1, 1)).toISOString(),
    new Date(Date.UTC(year, monthNumber, 1)).toISOString(),
  ];
}

/** The start of the month `instant` falls in: with archival on, retention goes by whole months. */
export function monthStartOf(instant: string | Date): string {
  const date = new Date(instant);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)).toISOString();
}
