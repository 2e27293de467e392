import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.test-support.js';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer();
  key = await server.createApp('work-buddy');
});
afterAll(() => server.close());

const flags = () => ['--base-url', server.url, '--api-key', key, '--app-id', 'work-buddy'];

describe('oriva console', () => {
  it('prints a console link whose token works on the app for the asked time', async () => {
    const result = await run([...flags(), 'console', '--expires', '15m', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const session = JSON.parse(result.stdout) as { url: string; token: string; expires_at: string };
    expect(session.url).toBe(`${server.url}/console#token=${session.token}`);
    expect(Date.parse(session.expires_at) - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const webhooks = await server.request('/api/v1/apps/work-buddy/webhooks', { token: session.token });
    expect(webhooks.status).toBe(200);
  });

  it('prints the link for a person, and refuses a lifetime outside 1m to 24h', async () => {
    const human = await run([...flags(), 'console']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /Console for work-buddy, until .+:\n {2}http:\/\/127\.0\.0\.1:\d+\/console#token=ops_/,
    );
    const tooLong = await run([...flags(), 'console', '--expires', '2d']);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--expires "2d" is not a duration from 1m to 24h');
  });
});
