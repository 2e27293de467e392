import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, run } from './run-cli.test-support.js';

describe('oriva events poll', () => {
  let server: TestServer;
  let env: Record<string, string>;
  let key: string;
  beforeAll(async () => {
    server = await startTestServer();
    key = await server.createApp('cli-poll');
    env = { ORIVA_API_BASE: server.url, ORIVA_API_KEY: key, ORIVA_APP_ID: 'cli-poll', NO_COLOR: '1' };
  });
  afterAll(() => server.close());

  const publish = async (type: string) => {
    const [event_category, event_type] = type.split('.');
    const response = await server.request('/api/v1/apps/cli-poll/events', {
      method: 'POST',
      token: key,
      json: { event_category, event_type, entity_type: 'task', entity_id: 'task_1', user_id: 'user_1', event_data: {} },
    });
    return ((await response.json()) as { event_id: string }).event_id;
  };

  it('prints the events after the committed position as NDJSON, commits them, and starts after them next time', async () => {
    const first = await publish('task.created');
    const second = await publish('task.done');
    const once = await run(['events', 'poll', '--consumer', 'cli', '--json', '--limit', '1'], { env });
    expect(once.code).toBe(0);
    const lines = once.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event_id: string; position: number });
    expect(lines.map((line) => line.event_id)).toEqual([first, second]);
    const third = await publish('task.done');
    const again = await run(['events', 'poll', '--consumer', 'cli', '--json'], { env });
    expect(
      again.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { event_id: string }).event_id),
    ).toEqual([third]);
    const human = await run(['events', 'poll', '--consumer', 'fresh', '--events', 'task.done'], { env });
    expect(human.stdout).toMatch(/task\.done/);
    expect(human.stdout).not.toMatch(/task\.created/);
  });

  it('follows until stopped, printing events as they commit', async () => {
    await run(['events', 'poll', '--consumer', 'follower'], { env });
    const stdout = capture();
    const abort = new AbortController();
    const running = run(['events', 'poll', '--consumer', 'follower', '--follow', '--json'], {
      env,
      stdout,
      signal: abort.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const id = await publish('task.created');
    const deadline = Date.now() + 10_000;
    while (!stdout.text.includes(id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    abort.abort();
    const result = await running;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(stdout.text).toContain(id);
  });

  it('names a bad consumer id', async () => {
    const result = await run(['events', 'poll', '--consumer', 'no spaces'], { env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/consumer_id/);
  });
});
