/**
 * Typed events end to end against the real server: a type declared in the catalogue, a client typed by the
 * map `oriva types generate` would write for it, validating (nothing stored), publishing, reading back,
 * the stream's per-type listener, and a delivery body typed by the verifier.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MainIO, main } from '@oriva/cli';
import type { WebhookPayload as ContractWebhookPayload } from '@oriva/contract';
import { toWebhookPayload } from '@oriva/contract/events';
import { type APIError, Oriva, UnprocessableEntityError } from '@oriva/sdk';
import {
  generateSecret,
  signatureHeaders,
  verify,
  type WebhookEvent,
  type WebhookPayload,
} from '@oriva/webhook-verify';
import ts from 'typescript';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { serverWithApp } from '../../server/src/testing/server-with-app.test-support.js';

interface SessionEnded {
  duration: number;
}
interface OrivaEventMap {
  'session.ended': SessionEnded;
}

const workBuddy = serverWithApp();
beforeAll(() => declareSessionEnded());

const typed = () =>
  new Oriva<OrivaEventMap>({ apiKey: workBuddy.apiKey, appId: 'work-buddy', baseUrl: workBuddy.server.url });
const untyped = () => new Oriva({ apiKey: workBuddy.apiKey, appId: 'work-buddy', baseUrl: workBuddy.server.url });

const ended = (entityId: string, duration: number) =>
  ({
    event_category: 'session',
    event_type: 'ended',
    entity_type: 'session',
    entity_id: entityId,
    user_id: 'user_456',
    event_data: { duration },
  }) as const;

async function declareSessionEnded(): Promise<void> {
  const response = await workBuddy.server.request('/api/v1/apps/work-buddy/event-types/session.ended', {
    method: 'PUT',
    token: workBuddy.apiKey,
    json: {
      description: 'A work session ended.',
      schema: {
        type: 'object',
        properties: { duration: { type: 'number', minimum: 0 } },
        required: ['duration'],
      },
      examples: [{ duration: 1200 }],
    },
  });
  expect(response.status).toBeLessThan(300);
}

async function storedCount(entityId: string): Promise<number> {
  const page = await untyped().events.list({ entity_id: entityId, limit: 10 });
  return page.data.length;
}

describe('typed events against the real server', () => {
  it('validate answers what publishing would, storing nothing, and refuses bad event_data with its pointer', async () => {
    const { check } = await typed().events.validate(ended('validate-ok', 60));
    expect(check).toEqual({ event_type: 'session.ended', declared: true, schema_version: 1 });

    // What the compiler refuses from a typed client, sent untyped to see the server refuse it too.
    const refused = await untyped()
      .events.validate({ ...ended('validate-bad', 0), event_data: { duration: 'an hour' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableEntityError);
    expect((refused as APIError).code).toBe('event_data_invalid');
    expect((refused as APIError).fields.map((field) => field.path)).toEqual(['event_data/duration']);
    expect(await storedCount('validate-ok')).toBe(0);
    expect(await storedCount('validate-bad')).toBe(0);
  });

  it('validateBatch checks every chunk and names a refused event by its index in the whole list', async () => {
    const events = Array.from({ length: 600 }, (_, index) => ended(`batch-${index}`, index));
    const { count, checks } = await typed().events.validateBatch(events);
    expect(count).toBe(600);
    expect(checks.every((check) => check.declared && check.event_type === 'session.ended')).toBe(true);

    const withBad = events.map((event, index) => (index === 550 ? { ...event, event_data: { duration: -1 } } : event));
    const refused = (await untyped()
      .events.validateBatch(withBad)
      .catch((error: unknown) => error)) as APIError;
    expect(refused).toBeInstanceOf(UnprocessableEntityError);
    expect(refused.fields.map((field) => field.path)).toEqual(['events.550.event_data/duration']);
    expect(await storedCount('batch-0')).toBe(0);
  });

  it('publishes typed, reads back a union that narrows, and the stream hands on(type) listeners their own type', async () => {
    const client = typed();
    const stream = client.stream({ events: ['session.*'] });
    const heard: number[] = [];
    const received = new Promise<void>((resolve) => {
      stream.on('session.ended', (event) => {
        heard.push(event.event_data.duration);
        resolve();
      });
    });
    await stream.ready();
    await client.events.publish(ended('typed-publish', 42));
    await received;
    stream.close();
    expect(heard).toEqual([42]);

    const page = await client.events.list({ entity_id: 'typed-publish' });
    const durations = page.data.map((event) => (event.type === 'session.ended' ? event.event_data.duration : null));
    expect(durations).toEqual([42]);
  });

  it('the verifier types the body the server builds for a delivery', () => {
    // The verifier writes the delivery body out to stay dependency-free: it must stay the contract's.
    expectTypeOf<WebhookPayload>().toEqualTypeOf<ContractWebhookPayload>();
    const secret = generateSecret();
    const body = JSON.stringify(
      toWebhookPayload({
        id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
        app_id: 'work-buddy',
        ...ended('delivered', 7),
        timestamp: '2025-09-30T10:30:00.000Z',
      }),
    );
    const event = verify<WebhookEvent<OrivaEventMap>>(
      body,
      signatureHeaders({ id: 'msg_1', body, secrets: secret }),
      secret,
    );
    expect(event.type).toBe('session.ended');
    expect(event.event_data.duration).toBe(7);
  });
});

/**
 * A file using what `oriva types generate` wrote with the SDK and the verifier themselves (their sources, through the
 * repository's compiler options): each line marked `@ts-expect-error` must fail.
 */
const USAGE = `import { Oriva } from '@oriva/sdk';
import { verify, type WebhookEvent } from '@oriva/webhook-verify';
import type { OrivaEventMap } from './oriva-events.js';

const client = new Oriva<OrivaEventMap>({ apiKey: 'ok_x', appId: 'work-buddy' });
const event = { event_category: 'session', event_type: 'ended', entity_type: 'session', entity_id: 's_1', user_id: 'u_1' } as const;
void client.events.publish({ ...event, event_data: { duration: 1200 } });
// @ts-expect-error duration is a number
void client.events.publish({ ...event, event_data: { duration: 'an hour' } });
// @ts-expect-error duration is required
void client.events.validate({ ...event, event_data: {} });
client.stream().on('session.ended', (received) => {
  const duration: number = received.event_data.duration;
  void duration;
});
const delivery = verify<WebhookEvent<OrivaEventMap>>('{}', {}, 'whsec_x');
if (delivery.type === 'session.ended') {
  const duration: number = delivery.event_data.duration;
  void duration;
}
`;

function typeErrors(dir: string): string[] {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const configFile = join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile);
  const program = ts.createProgram([join(dir, 'usage.ts')], { ...options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('oriva types generate, used with the SDK and the verifier', () => {
  it('writes a map that new Oriva<OrivaEventMap>() and verify<WebhookEvent<OrivaEventMap>>() check against', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oriva-typed-'));
    try {
      let stderr = '';
      const io: MainIO = {
        stdout: { write: () => {} },
        stderr: {
          write: (text: string) => {
            stderr += text;
          },
        },
        env: { XDG_CONFIG_HOME: dir, NO_COLOR: '1' },
        cwd: dir,
      };
      const flags = ['--base-url', workBuddy.server.url, '--api-key', workBuddy.apiKey, '--app-id', 'work-buddy'];
      const code = await main(['types', 'generate', '--out', 'oriva-events.d.ts', '--app', 'work-buddy', ...flags], io);
      expect(stderr).toBe('');
      expect(code).toBe(0);

      // An ES module, as the SDK's users write them (the repository's options are NodeNext).
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
      writeFileSync(join(dir, 'usage.ts'), USAGE);
      expect(typeErrors(dir)).toEqual([]);
      // Without the markers the same file fails once per marked line: the check above can fail.
      writeFileSync(join(dir, 'usage.ts'), USAGE.replace(/^\/\/ @ts-expect-error.*\n/gm, ''));
      expect(typeErrors(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
