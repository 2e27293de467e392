import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { RequestOrigin } from '../core/request-origin.js';
import type { Deps } from './context.js';

const MAX_USER_AGENT = 512;

/** The caller's address (the first `X-Forwarded-For` hop only behind a trusted proxy) and user agent. */
export function requestOrigin(c: Context, deps: Deps): RequestOrigin {
  let ipAddress: string | null = null;
  if (deps.config.trustProxy) {
    ipAddress = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || null;
  }
  if (!ipAddress) {
    try {
      ipAddress = getConnInfo(c).remote.address ?? null;
    } catch {
      ipAddress = null;
    }
  }
  return { ipAddress, userAgent: c.req.header('user-agent')?.slice(0, MAX_USER_AGENT) ?? null };
}
