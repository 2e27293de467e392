import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startupBanner } from './banner.js';
import { startTestServer, type TestServer } from './testing/harness.js';

const dirs: string[] = [];
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A server on a random port with its data in `<work dir>/.oriva`, as `pnpm start` puts it. */
async function serverIn(): Promise<{ server: TestServer; workDir: string }> {
  const workDir = mkdtempSync(join(tmpdir(), 'oriva-banner-'));
  dirs.push(workDir);
  const server = await startTestServer({ ORIVA_ADMIN_TOKEN: '' }, { dataDir: join(workDir, '.oriva') });
  servers.push(server);
  return { server, workDir };
}

describe('the startup banner', () => {
  it('needs no export line where the CLI finds the server by itself (./.oriva/server.json)', async () => {
    const { server, workDir } = await serverIn();
    const banner = startupBanner(server, { cwd: workDir, env: {}, cli: 'pnpm -s oriva' });
    expect(banner).not.toContain('export ');
    expect(banner).toContain('  pnpm -s oriva apps create work-buddy --name "Work Buddy"');
  });

  it('prints the exact export line from any other directory, on a port other than 8787', async () => {
    const { server } = await serverIn();
    const elsewhere = mkdtempSync(join(tmpdir(), 'oriva-banner-cwd-'));
    dirs.push(elsewhere);
    const banner = startupBanner(server, { cwd: elsewhere, env: {} });
    expect(banner).toContain(`  export ORIVA_API_BASE=${server.url} ORIVA_DATA_DIR=${server.dataDir}\n`);
  });

  it('prints it when the shell has another ORIVA_API_BASE, which would win over discovery', async () => {
    const { server, workDir } = await serverIn();
    const banner = startupBanner(server, { cwd: workDir, env: { ORIVA_API_BASE: 'http://localhost:8787' } });
    expect(banner).toContain(`  export ORIVA_API_BASE=${server.url}\n`);
  });

  it('on a restart with apps, says which exist instead of telling to create one', async () => {
    const { server, workDir } = await serverIn();
    const response = await server.request('/api/v1/apps', {
      method: 'POST',
      token: readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim(),
      json: { app_id: 'work-buddy', name: 'Work Buddy' },
    });
    expect(response.status).toBe(201);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const restarted = await startTestServer({ ORIVA_ADMIN_TOKEN: '' }, { dataDir: server.dataDir });
    servers.push(restarted);
    const banner = startupBanner(restarted, { cwd: workDir, env: {}, cli: 'oriva' });
    expect(banner).toContain('Apps:        work-buddy registered already (`oriva apps list` shows them)');
    expect(banner).not.toContain('apps create');
  });
});
