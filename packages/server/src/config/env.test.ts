import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RATE_LIMITS, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to port 8787, ./.oriva and production settings', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 8787,
      dataDir: '/srv/app/.oriva',
      dev: false,
      host: '0.0.0.0',
      logLevel: 'info',
    });
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
  });

  it('logs JSON lines in production and human lines in dev mode, unless ORIVA_LOG_FORMAT says', () => {
    expect(loadConfig({}).logFormat).toBe('json');
    expect(loadConfig({ ORIVA_DEV: '1' }).logFormat).toBe('pretty');
    expect(loadConfig({ ORIVA_DEV: '1', ORIVA_LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ ORIVA_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ ORIVA_LOG_FORMAT: 'xml' })).toThrow(/ORIVA_LOG_FORMAT: .*"xml"/);
  });

  it('listens on loopback in dev mode', () => {
    expect(loadConfig({ ORIVA_DEV: '1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ORIVA_DEV: 'true', ORIVA_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('names every bad variable and the value it got', () => {
    let error: unknown;
    try {
      loadConfig({ ORIVA_PORT: 'eighty', ORIVA_DEV: 'maybe', ORIVA_LOG_LEVEL: 'loud', ORIVA_JWT_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('ORIVA_PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('ORIVA_DEV');
    expect(message).toContain('ORIVA_LOG_LEVEL');
    expect(message).toContain('ORIVA_JWT_SECRET: must be at least 32 characters');
  });

  it('reads rate limits: off, or per-category overrides', () => {
    expect(loadConfig({ ORIVA_RATE_LIMITS: 'off' }).rateLimits).toBeUndefined();
    const limits = loadConfig({ ORIVA_RATE_LIMITS: 'events=5000/15m, queries=10/1s' }).rateLimits!;
    expect(limits.events).toEqual({ limit: 5000, windowSeconds: 900 });
    expect(limits.queries).toEqual({ limit: 10, windowSeconds: 1 });
    expect(limits.webhooks).toEqual(DEFAULT_RATE_LIMITS.webhooks);
    expect(() => loadConfig({ ORIVA_RATE_LIMITS: 'events=lots' })).toThrow(/ORIVA_RATE_LIMITS: "events=lots"/);
  });

  it('reads the scale-out settings, and asks for shared secrets with a shared database', () => {
    const url = 'postgres://oriva@db.internal:5432/oriva';
    const shared = { ORIVA_ADMIN_TOKEN: 'a'.repeat(32), ORIVA_JWT_SECRET: 'j'.repeat(40) };
    const config = loadConfig({ ...shared, ORIVA_DATABASE_URL: url, ORIVA_REDIS_URL: 'redis://cache:6379' });
    expect(config.database).toEqual({
      url,
      schema: 'public',
      poolSize: 20,
      preparedStatements: true,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
    });
    const bounded = loadConfig({
      ...shared,
      ORIVA_DATABASE_URL: url,
      ORIVA_DATABASE_CONNECT_TIMEOUT_MS: '800',
      ORIVA_DATABASE_STATEMENT_TIMEOUT_MS: '0',
    }).database;
    expect([bounded?.connectTimeoutMs, bounded?.statementTimeoutMs]).toEqual([800, 0]);
    expect(() => loadConfig({ ...shared, ORIVA_DATABASE_CONNECT_TIMEOUT_MS: '-1' })).toThrow(
      /ORIVA_DATABASE_CONNECT_TIMEOUT_MS/,
    );
    expect(
      loadConfig({ ...shared, ORIVA_DATABASE_URL: url, ORIVA_DATABASE_PREPARED_STATEMENTS: 'off' }).database
        ?.preparedStatements,
    ).toBe(false);
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.retentionDays).toBe(183);
    expect(() => loadConfig({ ORIVA_DATABASE_URL: url })).toThrow(/ORIVA_ADMIN_TOKEN, ORIVA_JWT_SECRET/);
    expect(loadConfig({ ORIVA_DATABASE_URL: url, ORIVA_DEV: '1' }).database?.url).toBe(url);
    expect(() => loadConfig({ ORIVA_DATABASE_URL: 'mysql://x' })).toThrow(/ORIVA_DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ ORIVA_DATABASE_SCHEMA: 'Robert; DROP' })).toThrow(/ORIVA_DATABASE_SCHEMA/);
    expect(loadConfig({}).database).toBeUndefined();
  });
});

describe('startServer', () => {
  it('fails with EADDRINUSE on a taken port, leaving nothing running, and can start again', async () => {
    const { startTestServer } = await import('../testing/harness.js');
    const first = await startTestServer();
    try {
      await expect(startTestServer({ ORIVA_PORT: String(first.port) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      const second = await startTestServer();
      expect((await second.request('/healthz')).status).toBe(200);
      await second.close();
    } finally {
      await first.close();
    }
  });
});
