import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESIGN_DOC_EVENT } from '@oriva/contract';
import { mintUserToken } from '../auth/jwt.js';
import { type RunningServer, type StartOptions, startServer } from '../server.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789';

export interface TestServer extends RunningServer {
  adminToken: string;
  jwtSecret: string;
  dataDir: string;
  /** `fetch` against the server, with JSON helpers. */
  request(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  /** Registers an app as the admin and returns its first API key. */
  createApp(appId: string, name?: string): Promise<string>;
  userToken(userId: string, expiresIn?: string | number): Promise<string>;
}

/** Schemas the harness makes on PostgreSQL start with this, so a test run can clear its leftovers. */
export const TEST_SCHEMA_PREFIX = 'oriva_h_';

/**
 * With `ORIVA_TEST_STORAGE=postgres` every test server gets its own PostgreSQL schema at
 * `ORIVA_TEST_DATABASE_URL`, so the same API suite runs against both adapters. A caller-managed
 * data directory (a restart test) maps to one schema, so a restarted server finds its data again.
 */
function postgresTestEnv(dataDir: string, callerManaged: boolean): Record<string, string> {
  if (process.env.ORIVA_TEST_STORAGE !== 'postgres') return {};
  const url = process.env.ORIVA_TEST_DATABASE_URL;
  if (!url) throw new Error('ORIVA_TEST_STORAGE=postgres needs ORIVA_TEST_DATABASE_URL');
  const suffix = callerManaged
    ? createHash('sha256').update(dataDir).digest('hex').slice(0, 16)
    : randomBytes(8).toString('hex');
  return { ORIVA_DATABASE_URL: url, ORIVA_DATABASE_SCHEMA: `${TEST_SCHEMA_PREFIX}${suffix}` };
}

/** Runs SQL statements on the test database, on a connection of their own. */
async function onTestDatabase(url: string, statements: string[]): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The real server on a loopback port with a fresh SQLite file in a temporary directory (or a fresh
 * PostgreSQL schema, see above). `close()` stops it and removes the directory and the schema.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    dataDir?: string;
    lookupHost?: StartOptions['lookupHost'];
    logDestination?: StartOptions['logDestination'];
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'oriva-test-'));
  const postgres = env.ORIVA_DATABASE_URL ? {} : postgresTestEnv(dataDir, options.dataDir !== undefined);
  if (postgres.ORIVA_DATABASE_URL && postgres.ORIVA_DATABASE_SCHEMA) {
    // Stamped with its creation time, so a later run clears it only once no test can still be using it.
    const schema = postgres.ORIVA_DATABASE_SCHEMA;
    await onTestDatabase(postgres.ORIVA_DATABASE_URL, [
      `CREATE SCHEMA IF NOT EXISTS "${schema}"`,
      `COMMENT ON SCHEMA "${schema}" IS 'oriva test ${Date.now()}'`,
    ]);
  }
  let server: RunningServer;
  try {
    server = await startServer({
      env: {
        ORIVA_PORT: '0',
        ORIVA_HOST: '127.0.0.1',
        ORIVA_DATA_DIR: dataDir,
        ORIVA_DEV: '1',
        ORIVA_LOG_LEVEL: 'silent',
        ORIVA_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        ORIVA_JWT_SECRET: TEST_JWT_SECRET,
        ORIVA_RATE_LIMITS: 'off',
        ...postgres,
        ...env,
      },
      ...(options.lookupHost ? { lookupHost: options.lookupHost } : {}),
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    });
  } catch (error) {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const request: TestServer['request'] = (path, init = {}) => {
    const { json, token, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (token) merged.set('authorization', `Bearer ${token}`);
    if (json !== undefined) merged.set('content-type', 'application/json');
    return fetch(`${server.url}${path}`, {
      ...rest,
      headers: merged,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  };

  return {
    ...server,
    adminToken: env.ORIVA_ADMIN_TOKEN ?? TEST_ADMIN_TOKEN,
    jwtSecret: env.ORIVA_JWT_SECRET ?? TEST_JWT_SECRET,
    dataDir,
    request,
    async createApp(appId, name = appId) {
      const response = await request('/api/v1/apps', {
        method: 'POST',
        token: TEST_ADMIN_TOKEN,
        json: { app_id: appId, name },
      });
      if (response.status !== 201) throw new Error(`createApp ${appId}: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { api_key: { key: string } };
      return body.api_key.key;
    },
    userToken: (userId, expiresIn) => mintUserToken({ secret: TEST_JWT_SECRET, userId, expiresIn: expiresIn ?? '1h' }),
    async close() {
      await server.close();
      if (!options.dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        if (postgres.ORIVA_DATABASE_URL && postgres.ORIVA_DATABASE_SCHEMA) {
          await onTestDatabase(postgres.ORIVA_DATABASE_URL, [
            `DROP SCHEMA IF EXISTS "${postgres.ORIVA_DATABASE_SCHEMA}" CASCADE`,
          ]);
        }
      }
    },
  };
}

/** The design document's example event request, exactly as written there. */
export { DESIGN_DOC_EVENT };
