import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../auth/api-keys.js';
import { cuttableLink, dropSchema } from '../testing/cuttable-link.js';
import { type BreakerState, CircuitBreaker, StorageUnavailableError, tripsBreaker } from './circuit-breaker.js';
import { app, at } from './contract/records.test-support.js';
import { reportingTo, withCircuitBreaker } from './guarded-storage.js';
import { openSqliteStorage } from './sqlite/index.js';
import { withQueryTiming } from './timed-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'oriva-breaker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const coded = (code: string) => Object.assign(new Error(code), { code });
const until = async (condition: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('CircuitBreaker', () => {
  it('opens on outages only, probes, half-opens, and closes on the first success', async () => {
    let reachable = false;
    const breaker = new CircuitBreaker({
      threshold: 2,
      probeIntervalMs: 20,
      probe: async () => {
        if (!reachable) throw coded('ECONNREFUSED');
      },
    });
    const states: BreakerState[] = [];
    breaker.onChange((state) => states.push(state));
    try {
      // A database that answers "no" is a database that answers: constraints and bad input never trip it.
      for (let index = 0; index < 5; index++) breaker.record(coded('23505'));
      breaker.record(coded('22P02'));
      expect(breaker.state).toBe('closed');

      // One lost connection is not an outage; a success in between starts the count again.
      breaker.record(coded('ECONNRESET'));
      breaker.record();
      breaker.record(coded('ECONNRESET'));
      expect(breaker.state).toBe('closed');
      breaker.record(new Error('Connection terminated unexpectedly'));
      expect(breaker.state).toBe('open');

      const refused = (() => {
        try {
          breaker.check();
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(StorageUnavailableError);
      expect((refused as StorageUnavailableError).retryAfterSeconds).toBe(1);

      // Probes keep failing while the database is away; the breaker stays open.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(breaker.state).toBe('open');
      reachable = true;
      await until(() => breaker.state === 'half-open');

      // Half-open: the first call that trips opens it again at once, without waiting for the threshold.
      breaker.record(coded('57P01'));
      expect(breaker.state).toBe('open');
      await until(() => breaker.state === 'half-open');
      breaker.record();
      expect(breaker.state).toBe('closed');
      expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
    } finally {
      breaker.close();
    }
  });

  it('tells outages and slowness from refusals of one call', () => {
    for (const code of ['ECONNREFUSED', '08006', '57P01', '57P03', '53300', '57014', 'SQLITE_IOERR_WRITE']) {
      expect(tripsBreaker(coded(code)), code).toBe(true);
    }
    expect(tripsBreaker(new Error('timeout exceeded when trying to connect'))).toBe(true);
    for (const code of [
      '23505',
      '23503',
      '22P02',
      '40001',
      'SQLITE_BUSY',
      'SQLITE_CONSTRAINT_FOREIGNKEY',
      'SQLITE_FULL',
    ]) {
      expect(tripsBreaker(coded(code)), code).toBe(false);
    }
    expect(tripsBreaker(new TypeError('x is undefined'))).toBe(false);
    expect(tripsBreaker(new StorageUnavailableError(1))).toBe(false);
  });
});

describe('withCircuitBreaker', () => {
  it('refuses storage calls at once while open and lets synchronous members through', async () => {
    const storage = openSqliteStorage(join(dir, 'guarded.db'));
    const breaker = new CircuitBreaker({ threshold: 1, probeIntervalMs: 60_000, probe: async () => {} });
    const guarded = withCircuitBreaker(storage, breaker);
    try {
      await guarded.apps.create(app('a1'), issueApiKey('a1', null, at).record);
      expect(await guarded.apps.list()).toHaveLength(1);
      breaker.record(coded('SQLITE_IOERR'));
      expect(breaker.state).toBe('open');
      await expect(guarded.apps.list()).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(guarded.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
      // Listener registration touches no database.
      const stop = guarded.events.onCommitted(() => undefined);
      stop();
      expect(guarded.kind).toBe('sqlite');
    } finally {
      breaker.close();
      await storage.close();
    }
  });

  it('opens when PostgreSQL goes away, answers without waiting, and closes once it is back', async () => {
    const database = process.env.ORIVA_TEST_DATABASE_URL;
    if (!database) throw new Error('needs ORIVA_TEST_DATABASE_URL');
    const { openPostgresStorage } = await import('./postgres/index.js');
    const link = await cuttableLink(new URL(database));
    const url = new URL(database);
    url.host = `127.0.0.1:${link.port}`;
    // Not the harness's prefix: a test run starting beside this one clears unstamped schemas of that prefix.
    const schema = `oriva_outage_${randomBytes(8).toString('hex')}`;
    const storage = await openPostgresStorage({ url: url.toString(), schema, poolSize: 4 });
    const breaker = new CircuitBreaker({ probeIntervalMs: 50, probe: () => storage.ping() });
    // As the server composes them: the timing layer reports outcomes, the outer layer refuses.
    const timings: string[] = [];
    const timed = withQueryTiming(
      storage,
      reportingTo(breaker, (operation) => () => timings.push(operation)),
    );
    const guarded = withCircuitBreaker(timed, breaker);
    let restored = true;
    try {
      await guarded.apps.create(app('a1'), issueApiKey('a1', null, at).record);
      link.cut();
      restored = false;
      // A few calls fail on the way (refused connections); then the breaker refuses the rest itself.
      for (let index = 0; index < 10 && breaker.state !== 'open'; index++) {
        await expect(guarded.apps.list()).rejects.toThrow();
      }
      expect(breaker.state).toBe('open');
      const started = performance.now();
      const timedSoFar = timings.length;
      await expect(guarded.apps.list()).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(performance.now() - started).toBeLessThan(50);
      // Refused above the timing: a refusal is no query, and does not pass for a fast one.
      expect(timings.length).toBe(timedSoFar);

      await link.restore();
      restored = true;
      await until(() => breaker.state !== 'open');
      expect(await guarded.apps.list()).toHaveLength(1);
      expect(breaker.state).toBe('closed');
    } finally {
      if (!restored) await link.restore();
      breaker.close();
      await storage.close();
      await dropSchema(database, schema);
    }
  });
});
