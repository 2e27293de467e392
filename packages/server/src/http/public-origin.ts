import type { Context } from 'hono';

/** A host we are willing to write into a page or a document: a name or an address and a port, nothing else. */
export const PLAIN_HOST = /^[A-Za-z0-9.:[\]-]{1,255}$/;

/**
 * The origin the caller reached this server at (`http://127.0.0.1:54321`), for what must point back
 * at it: the served OpenAPI document's `servers`, so the reference's "Send" reaches this port.
 *
 * The `Host` header and the connection's scheme decide. Behind a trusted proxy (`ORIVA_TRUST_PROXY`)
 * the first `X-Forwarded-Host` / `X-Forwarded-Proto` hop wins, as the proxy's address is the one the
 * browser used; without one those headers are anybody's and are ignored. A host that is not a plain
 * `name[:port]` gives `null`, so nothing a caller sends is echoed into a document as is.
 */
export function publicOrigin(c: Context, trustProxy: boolean): string | null {
  const forwarded = (name: string) => (trustProxy ? c.req.header(name)?.split(',')[0]?.trim() : undefined);
  const host = forwarded('x-forwarded-host') || c.req.header('host');
  if (!host || !PLAIN_HOST.test(host)) return null;
  const proto = forwarded('x-forwarded-proto')?.toLowerCase();
  const scheme =
    proto === 'https' || proto === 'http' ? proto : new URL(c.req.url).protocol === 'https:' ? 'https' : 'http';
  return `${scheme}://${host}`;
}
