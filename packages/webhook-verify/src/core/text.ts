/** Shortens a value quoted in an error message. */
export function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}...` : value;
}
