import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '@oriva/webhook-verify';

/** One answer the load saw. */
export interface Answer {
  kind: 'publish' | 'feed';
  at: number;
  status: number;
  ms: number;
  retryAfter: string | null;
  shouldRetry: string | null;
  code: string | undefined;
  eventId: string | undefined;
}

/**
 * Steady traffic against a server: `publishers` loops posting events and `readers` loops reading a
 * feed, each with a short pause between requests (a load the outage must not turn into a queue).
 */
export function steadyLoad(options: {
  url: string;
  appId: string;
  apiKey: string;
  publishers: number;
  readers: number;
  pauseMs?: number;
}) {
  const answers: Answer[] = [];
  let running = true;
  let sequence = 0;
  const headers = { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' };
  const base = `${options.url}/api/v1/apps/${options.appId}`;

  const once = async (kind: Answer['kind']) => {
    const started = performance.now();
    const at = Date.now();
    try {
      const response =
        kind === 'publish'
          ? await fetch(`${base}/events`, {
              method: 'POST',
              headers,
              body: JSON.stringify({
                event_category: 'task',
                event_type: 'created',
                entity_type: 'task',
                entity_id: `t${sequence++}`,
                user_id: 'u1',
              }),
            })
          : await fetch(`${base}/notifications?user_id=u1&limit=20`, { headers });
      const body = (await response.json().catch(() => ({}))) as { event_id?: string; error?: { code?: string } };
      answers.push({
        kind,
        at,
        status: response.status,
        ms: performance.now() - started,
        retryAfter: response.headers.get('retry-after'),
        shouldRetry: response.headers.get('x-should-retry'),
        code: body.error?.code,
        eventId: body.event_id,
      });
    } catch (error) {
      // A refused or dropped connection to the server itself: recorded as status 0, which fails the test.
      answers.push({
        kind,
        at,
        status: 0,
        ms: performance.now() - started,
        retryAfter: null,
        shouldRetry: null,
        code: String(error),
        eventId: undefined,
      });
    }
  };
  const loop = async (kind: Answer['kind']) => {
    while (running) {
      await once(kind);
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 10));
    }
  };
  const loops = [
    ...Array.from({ length: options.publishers }, () => loop('publish')),
    ...Array.from({ length: options.readers }, () => loop('feed')),
  ];
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** A webhook receiver that verifies each delivery and counts it per event id. */
export async function countingReceiver() {
  const received = new Map<string, number>();
  let secret = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const event = verify(Buffer.concat(chunks).toString('utf8'), req.headers, secret) as { id: string };
      received.set(event.id, (received.get(event.id) ?? 0) + 1);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    setSecret(value: string) {
      secret = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
