import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config/env.js';
import { startServer } from './server.js';

const databaseUrl = process.env.ORIVA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('starting on PostgreSQL', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const start = (url: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'oriva-start-'));
    dirs.push(dir);
    return startServer({ env: { ORIVA_DEV: '1', ORIVA_PORT: '0', ORIVA_DATA_DIR: dir, ORIVA_DATABASE_URL: url } });
  };

  it('names the setting to fix when nothing answers, without printing the password', async () => {
    const error = await start('postgres://oriva:s3cret@127.0.0.1:1/test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      /ORIVA_DATABASE_URL: cannot open PostgreSQL at postgres:\/\/oriva:\*\*\*@127\.0\.0\.1:1\/test \(connect ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('names the setting to fix when the database does not exist', async () => {
    const url = new URL(databaseUrl);
    url.pathname = '/oriva_no_such_database';
    const error = await start(url.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('database "oriva_no_such_database" does not exist');
  });
});
