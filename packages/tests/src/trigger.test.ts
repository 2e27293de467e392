/**
 * `oriva trigger` end to end: types declared on a real server, triggered with the CLI, and seen
 * arriving where a receiver would see them: in the event log, forwarded by `oriva listen`, and
 * delivered by a real webhook, each request verified with @oriva/webhook-verify.
 */
import { main } from '@oriva/cli';
import { Oriva } from '@oriva/sdk';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { generateSecret } from '@oriva/webhook-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureCliOutput as capture,
  type VerifyingReceiver as Receiver,
  startVerifyingReceiver as startReceiver,
} from './cli-io.test-support.js';

let server: TestServer;
let apiKey: string;
let app: Oriva;
const receivers: Receiver[] = [];

const flags = () => ['--base-url', server.url, '--api-key', apiKey, '--app-id', 'work-buddy'];

async function oriva(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = capture();
  const code = await main([...argv, ...flags()], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

beforeAll(async () => {
  server = await startTestServer();
  apiKey = await server.createApp('work-buddy');
  app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
  await app.eventTypes.put('session.ended', {
    description: 'A focus session ended',
    schema: {
      type: 'object',
      required: ['duration'],
      properties: { duration: { type: 'integer', minimum: 0 }, mood: { type: 'object' } },
    },
    examples: [{ duration: 1500 }],
  });
  // No example: trigger generates one from the schema.
  await app.eventTypes.put('session.started', {
    schema: {
      $defs: {
        participant: {
          type: 'object',
          required: ['user_id'],
          properties: { user_id: { type: 'string', minLength: 3 } },
        },
      },
      type: 'object',
      required: ['started_at', 'kind', 'participants', 'goal'],
      properties: {
        started_at: { type: 'string', format: 'date-time' },
        kind: { enum: ['focus', 'break'] },
        participants: { type: 'array', minItems: 1, items: { $ref: '#/$defs/participant' } },
        goal: {
          type: 'object',
          required: ['minutes'],
          properties: { minutes: { type: 'integer', minimum: 5, multipleOf: 5 } },
        },
      },
    },
  });
});
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await server?.close();
});

describe('oriva trigger', () => {
  it("publishes the type's first example with --set overrides, as the configured app", async () => {
    const result = await oriva([
      'trigger',
      'session.ended',
      '--user',
      'user_1',
      '--set',
      'duration=1800',
      '--set',
      'mood.label=calm',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { events: { event_id: string }[] };
    expect(printed).toMatchObject({
      event_type: 'session.ended',
      source: 'example',
      declared_by: 'work-buddy',
      event: { event_category: 'session', event_type: 'ended', user_id: 'user_1' },
    });
    const stored = await app.events.list({ event_category: 'session', event_type: 'ended' });
    expect(stored.data.map((event) => event.id)).toEqual([printed.events[0]?.event_id]);
    expect(stored.data[0]).toMatchObject({
      user_id: 'user_1',
      entity_type: 'session',
      entity_id: expect.stringMatching(/^trigger_/),
      event_data: { duration: 1800, mood: { label: 'calm' } },
    });
  });

  it('generates a minimal valid value when the type has no example, which the server accepts', async () => {
    const result = await oriva(['trigger', 'session.started', '--entity-id', 's_1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Triggered session.started with a value generated from its schema');
    const [event] = (await app.events.list({ event_type: 'started', entity_id: 's_1' })).data;
    expect(event?.user_id).toBe('user_trigger');
    expect(event?.event_data).toEqual({
      started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      kind: 'focus',
      participants: [{ user_id: 'xxx' }],
      goal: { minutes: 5 },
    });
  });

  it("shows the server's 422 with each field and the --set that changes it; nothing is stored", async () => {
    const before = (await app.events.list({ event_category: 'session' })).data.length;
    const result = await oriva(['trigger', 'session.ended', '--set', 'duration="long"']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('event_data/duration (--set duration=…)');
    expect(result.stderr).toMatch(/must be integer/);

    const json = await oriva(['trigger', 'session.ended', '--set', 'duration=-1', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({
      success: false,
      error: { code: 'event_data_invalid', fields: [{ path: 'event_data/duration (--set duration=…)' }] },
    });
    expect((await app.events.list({ event_category: 'session' })).data).toHaveLength(before);
  });

  it('refuses a type that is not in the catalogue, a bad --set and a type only the server records', async () => {
    const missing = await oriva(['trigger', 'session.paused']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('session.paused is not in the catalogue');

    const bad = await oriva(['trigger', 'session.ended', '--set', 'duration']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--set "duration" is not path=value');

    const expired = await oriva(['trigger', 'notification.expired']);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toContain('notification.expired cannot be triggered');
  });

  it('notification.dismissed creates then dismisses a notification, and oriva listen forwards both real events', async () => {
    const secret = generateSecret();
    const receiver = await startReceiver(() => secret);
    receivers.push(receiver);
    const since = (await app.events.list({ limit: 1 })).data[0]?.id ?? '0';

    const listen = capture();
    const listening = main(
      [
        'listen',
        '--forward-to',
        receiver.url,
        '--secret',
        secret,
        '--count',
        '2',
        '--since',
        since,
        '--events',
        'notification.*',
        ...flags(),
      ],
      listen.io,
    );
    const result = await oriva([
      'trigger',
      'notification.dismissed',
      '--user',
      'user_2',
      '--set',
      'title=Stand-up',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      notification_id: string;
      events: { type: string; event_id: string }[];
    };
    expect(printed).toMatchObject({ event_type: 'notification.dismissed', source: 'fixture' });
    expect(printed.events.map((event) => event.type)).toEqual(['notification.created', 'notification.dismissed']);
    expect(printed.events.every((event) => /^evt_/.test(event.event_id))).toBe(true);

    const code = await Promise.race([
      listening,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('listen did not finish')), 10_000)),
    ]);
    expect(code).toBe(0);
    expect(receiver.events.map((event) => [event.type, event.id])).toEqual(
      printed.events.map((event) => [event.type, event.event_id]),
    );
    expect(receiver.events[0]).toMatchObject({
      user_id: 'user_2',
      event_data: { notification_id: printed.notification_id, notification: { title: 'Stand-up' } },
    });
    expect(receiver.events[1]).toMatchObject({ event_data: { status: 'dismissed', changed_by: 'app' } });
  });

  it("webhook.test sends the test event to the app's webhooks, delivered signed", async () => {
    let secret = '';
    const receiver = await startReceiver(() => secret);
    receivers.push(receiver);
    const webhook = await app.webhooks.create({ webhook_url: receiver.url, subscribed_events: ['session.*'] });
    secret = webhook.webhook_secret;

    const result = await oriva(['trigger', 'webhook.test', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { deliveries: { webhook_id: string; event_id: string }[] };
    expect(printed.deliveries).toEqual([
      { webhook_id: webhook.webhook_id, delivery_id: expect.any(String), event_id: expect.stringMatching(/^evt_/) },
    ]);
    await expect.poll(() => receiver.events.length, { timeout: 10_000 }).toBe(1);
    expect(receiver.events[0]).toMatchObject({ id: printed.deliveries[0]?.event_id, type: 'webhook.test' });

    const overridden = await oriva(['trigger', 'webhook.test', '--set', 'a=1']);
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toContain('webhook.test takes no overrides');
    await app.webhooks.delete(webhook.webhook_id);
  });
});
