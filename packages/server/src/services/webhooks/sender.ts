import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import type { LookupAll } from '../../core/deps.js';
import { bareHost, dialRefusal, type UrlPolicy } from './url-policy.js';

/** The most of a receiver's answer that is kept in the delivery log. */
export const MAX_LOGGED_RESPONSE_BYTES = 20 * 1024;

export interface SendResult {
  statusCode: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  timeMs: number;
  error: string | null;
  retryAfterSeconds: number | undefined;
}

/**
 * Sends deliveries: keep-alive pools per origin, a timeout, no redirects (a 3xx is a failure), and a
 * DNS lookup that refuses what the URL policy refuses (`dialRefusal`) at connect time, on the address
 * actually dialled, so a host that resolved to a public address when the webhook was saved cannot
 * rebind to an internal or metadata one.
 */
export function createSender(policy: UrlPolicy, lookupAll: LookupAll, timeoutMs: number) {
  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    lookupAll(hostname).then(
      (addresses) => {
        const usable = addresses.filter(({ address }) => !dialRefusal(policy, hostname, address));
        const first = usable[0];
        if (!first) {
          const error = Object.assign(
            new Error(
              `${hostname} resolved only to blocked addresses (${addresses.map((a) => a.address).join(', ')}); not connecting`,
            ),
            { code: 'EBLOCKEDADDRESS' },
          );
          callback(error, '', 4);
          return;
        }
        if ((options as { all?: boolean }).all)
          (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
  const agent = new Agent({
    keepAliveTimeout: 30_000,
    connections: 16,
    connect: { lookup: guardedLookup, timeout: timeoutMs },
  });

  async function send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    // An IP literal is dialled without a lookup, so it is checked here.
    const host = bareHost(new URL(url).hostname);
    if (isIP(host) && dialRefusal(policy, host, host))
      return failure(`${host} is a blocked address; not connecting`, 0);
    try {
      const response = await request(url, {
        method: 'POST',
        headers,
        body,
        dispatcher: agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await readCapped(response.body);
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      return {
        statusCode: response.statusCode,
        headers: responseHeaders,
        body: text,
        timeMs: elapsed(),
        error: null,
        retryAfterSeconds: parseRetryAfter(responseHeaders['retry-after']),
      };
    } catch (error) {
      const message =
        (error as Error).name === 'TimeoutError' || (error as { code?: string }).code === 'UND_ERR_HEADERS_TIMEOUT'
          ? `timed out after ${timeoutMs} ms`
          : (error as Error).message;
      return failure(message, elapsed());
    }
  }

  return { send, close: () => agent.close() };
}

function failure(error: string, timeMs: number): SendResult {
  return { statusCode: null, headers: null, body: null, timeMs, error, retryAfterSeconds: undefined };
}

async function readCapped(stream: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_LOGGED_RESPONSE_BYTES) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_LOGGED_RESPONSE_BYTES).toString('utf8');
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
