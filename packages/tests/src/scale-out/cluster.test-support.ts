/**
 * Several real server processes sharing one PostgreSQL schema and one Redis, plus what a test needs
 * around them: a failover proxy playing the load balancer, a private redis-server to restart, and a
 * webhook receiver that counts attempts per `webhook-id`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { verify } from '@oriva/webhook-verify';
import pg from 'pg';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
export const ADMIN_TOKEN = 'scale-out-admin-token-0123456789';
export const JWT_SECRET = 'scale-out-jwt-secret-0123456789abcdef0123456789';

export const databaseUrl = () => {
  const url = process.env.ORIVA_TEST_DATABASE_URL;
  if (!url) throw new Error('ORIVA_TEST_DATABASE_URL is not set');
  return url;
};
export const redisUrl = () => {
  const url = process.env.ORIVA_TEST_REDIS_URL;
  if (!url) throw new Error('ORIVA_TEST_REDIS_URL is not set');
  return url;
};

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds; `what` (a string, or a function saying how far it got) names it on timeout. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string | (() => string),
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
}

/** A fresh schema (and Redis prefix) that every instance of one cluster shares. */
export function clusterEnv(extra: Record<string, string> = {}): Record<string, string> {
  const id = randomBytes(6).toString('hex');
  return {
    ORIVA_DATABASE_URL: databaseUrl(),
    ORIVA_DATABASE_SCHEMA: `oriva_h_cluster_${id}`,
    ORIVA_REDIS_URL: redisUrl(),
    ORIVA_REDIS_PREFIX: `oriva-test-${id}:`,
    ...extra,
  };
}

/** Creates the schema stamped with its creation time, as the test harness does (see clear-test-schemas.ts). */
export async function createSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`COMMENT ON SCHEMA "${schema}" IS 'oriva test ${Date.now()}'`);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface Instance {
  port: number;
  url: string;
  process: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The real server binary in its own process, so it can be killed for real. */
export async function startInstance(env: Record<string, string>, port?: number): Promise<Instance> {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/bin.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ORIVA_PORT: String(listenPort),
      ORIVA_HOST: '127.0.0.1',
      ORIVA_DEV: '1',
      ORIVA_ADMIN_TOKEN: ADMIN_TOKEN,
      ORIVA_JWT_SECRET: JWT_SECRET,
      ORIVA_RATE_LIMITS: 'off',
      ORIVA_LOG_LEVEL: 'warn',
      ORIVA_WEBHOOK_BACKOFF_SCALE: '0.005',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${listenPort}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance: Instance = {
    port: listenPort,
    url,
    process: child,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return instance;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await instance.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

/**
 * A TCP load balancer in miniature: each new connection goes to the next backend in turn that
 * accepts it, so when one instance dies, clients that reconnect land on another.
 */
export async function startProxy(
  backends: () => number[],
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  let turn = 0;
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const ports = backends();
    const tryBackend = (attempt: number) => {
      if (attempt >= ports.length) {
        client.destroy();
        return;
      }
      const port = ports[(turn + attempt) % ports.length]!;
      const upstream = connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        turn++;
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.once('error', () => {
        upstream.destroy();
        if (!upstream.readyState || upstream.connecting) tryBackend(attempt + 1);
        else client.destroy();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A webhook receiver counting verified attempts per `webhook-id` (one id per delivery). */
export async function startReceiver(): Promise<{
  url: string;
  secret: { value: string };
  attempts: Map<string, number>;
  eventIds: Set<string>;
  close(): Promise<void>;
}> {
  const secret = { value: '' };
  const attempts = new Map<string, number>();
  const eventIds = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const event = verify(Buffer.concat(chunks).toString('utf8'), req.headers, secret.value) as { id: string };
        const id = String(req.headers['webhook-id']);
        attempts.set(id, (attempts.get(id) ?? 0) + 1);
        eventIds.add(event.id);
        res.writeHead(200).end();
      } catch {
        res.writeHead(401).end();
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    secret,
    attempts,
    eventIds,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A private redis-server on a free port, so a test can stop and restart it without disturbing others. */
export async function startPrivateRedis(port?: number): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const listenPort = port ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(listenPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const probe = connect(listenPort, '127.0.0.1');
        probe.once('connect', () => {
          probe.destroy();
          resolve(true);
        });
        probe.once('error', () => resolve(false));
      }),
    10_000,
    'redis-server to listen',
  );
  return {
    url: `redis://127.0.0.1:${listenPort}`,
    port: listenPort,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Two instances of a fresh cluster (own schema and Redis prefix) and the app `work-buddy`, created
 * through the first; `cleanups` learns how to undo each step, newest last.
 */
export async function startTwoInstancesWithApp(
  cleanups: Array<() => unknown>,
  extraEnv: Record<string, string> = {},
): Promise<{ env: Record<string, string>; a: Instance; b: Instance; appKey: string }> {
  const env = clusterEnv(extraEnv);
  await createSchema(env.ORIVA_DATABASE_SCHEMA!);
  cleanups.push(() => dropSchema(env.ORIVA_DATABASE_SCHEMA!));
  // Both start at once: migrations run under an advisory lock, so neither trips over the other.
  const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  cleanups.push(
    () => a.kill('SIGKILL'),
    () => b.kill('SIGKILL'),
  );
  const created = await api(a.url, ADMIN_TOKEN)<{ api_key: { key: string } }>('POST', '/apps', {
    app_id: 'work-buddy',
    name: 'Work Buddy',
  });
  if (created.status !== 201) throw new Error(`creating the app answered ${created.status}, not 201`);
  return { env, a, b, appKey: created.body.api_key.key };
}

/** JSON requests against an instance's API. */
export function api(baseUrl: string, token: string) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
