/** Where a request came from, kept with its events as the design document's table asks. */
export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}
