/**
 * A local server on any port is found without ORIVA_API_BASE: the real server writes
 * `<data dir>/server.json`, and `oriva` run from that directory (or with ORIVA_DATA_DIR) reads it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

let server: TestServer;
let workDir: string;

beforeAll(async () => {
  workDir = tempDir('discovery');
  // As `pnpm start` runs it: ./.oriva under the directory the commands run from, the admin token
  // generated into it. On a random port.
  server = await startTestServer({ ORIVA_ADMIN_TOKEN: '' }, { dataDir: join(workDir, '.oriva') });
});

afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

describe('finding the local server', () => {
  it('reads ./.oriva/server.json from the working directory: no ORIVA_API_BASE, no profile', async () => {
    expect(server.port).not.toBe(8787);
    const env = { XDG_CONFIG_HOME: tempDir('discovery-config') };
    const created = await run(['apps', 'create', 'found-it', '--name', 'Found it', '--json'], { env, cwd: workDir });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);

    const shown = await run(['profile', 'show', '--json'], { env, cwd: workDir });
    expect(JSON.parse(shown.stdout).effective.base_url).toEqual({
      value: server.url,
      source: `the server running on ${join(workDir, '.oriva')}`,
    });
  });

  it('reads ORIVA_DATA_DIR/server.json from any directory', async () => {
    const env = { XDG_CONFIG_HOME: tempDir('discovery-config'), ORIVA_DATA_DIR: server.dataDir };
    const listed = await run(['apps', 'list', '--json'], { env, cwd: tempDir('elsewhere') });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).apps.map((app: { app_id: string }) => app.app_id)).toContain('found-it');
  });

  it('ORIVA_API_BASE still wins over the discovered server', async () => {
    const env = { XDG_CONFIG_HOME: tempDir('discovery-config'), ORIVA_API_BASE: 'http://127.0.0.1:9' };
    const shown = await run(['profile', 'show', '--json'], { env, cwd: workDir });
    expect(JSON.parse(shown.stdout).effective.base_url).toEqual({
      value: 'http://127.0.0.1:9',
      source: 'ORIVA_API_BASE',
    });
  });

  it('ignores a server.json left by a server that is gone (dead pid)', async () => {
    const stale = tempDir('stale');
    mkdirSync(join(stale, '.oriva'));
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid as number;
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(join(stale, '.oriva', 'server.json'), JSON.stringify({ url: server.url, pid }));

    const shown = await run(['profile', 'show', '--json'], { env: { XDG_CONFIG_HOME: stale }, cwd: stale });
    expect(JSON.parse(shown.stdout).effective.base_url).toEqual({ value: 'http://localhost:8787', source: 'default' });
  });

  it('the server removes server.json when it closes', async () => {
    const dir = tempDir('closing');
    const other = await startTestServer({}, { dataDir: dir });
    expect(existsSync(join(dir, 'server.json'))).toBe(true);
    await other.close();
    expect(existsSync(join(dir, 'server.json'))).toBe(false);
  });
});
