/**
 * What the CLI end-to-end tests share: the CLI's output captured in memory, and a webhook endpoint
 * that verifies every request with @oriva/webhook-verify, as an app's receiver would.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MainIO } from '@oriva/cli';
import { verify } from '@oriva/webhook-verify';

/** `main`'s IO with stdout and stderr kept as text; `env` is the CLI's whole environment. */
export function captureCliOutput(env: Record<string, string> = {}): {
  io: MainIO;
  stdout: () => string;
  stderr: () => string;
} {
  let stdout = '';
  let stderr = '';
  const io: MainIO = {
    env,
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
    },
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  /** The verified payload; absent when verification failed. */
  event?: Record<string, unknown>;
  error?: string;
}

export interface VerifyingReceiver {
  url: string;
  received: ReceivedRequest[];
  /** The payloads that verified, in arrival order. */
  readonly events: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * A webhook endpoint: verifies each request with `secret` (by `check`: `verifyEd25519` with public keys
 * for an Ed25519 webhook) and answers 200, or 401 when verification fails. `secret` may be a function, for a real webhook whose secret exists only once its URL is registered.
 */
export async function startVerifyingReceiver(
  secret: string | (() => string),
  check: typeof verify = verify,
): Promise<VerifyingReceiver> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const secrets = typeof secret === 'string' ? secret : secret();
        const event = check(Buffer.concat(chunks), req.headers, secrets) as Record<string, unknown>;
        received.push({ headers: req.headers, event });
        res.writeHead(200).end('ok');
      } catch (error) {
        received.push({ headers: req.headers, error: (error as Error).message });
        res.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/oriva-events`,
    received,
    get events() {
      return received.flatMap((request) => (request.event ? [request.event] : []));
    },
    close: () =>
      new Promise<void>((resolve) => {
        // The server under test keeps delivery connections alive.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
