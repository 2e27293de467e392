import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { buildAsyncApiDocument, platformEventTypes } from './asyncapi.js';
import { openStream } from './routes/stream.js';
import { SERVER_EVENT_DATA } from './schemas/webhook-events.js';

/** Parses with the AsyncAPI parser and returns its errors (severity 0) and the parsed document. */
async function parse(document: unknown) {
  const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
  return { parsed, errors: diagnostics.filter((diagnostic) => diagnostic.severity === 0) };
}

describe('buildAsyncApiDocument', () => {
  it('is a valid AsyncAPI 3.0 document with one message per platform event type', async () => {
    const { parsed, errors } = await parse(buildAsyncApiDocument({ eventTypes: platformEventTypes() }));
    expect(errors).toEqual([]);
    const names = parsed!
      .allMessages()
      .all()
      .map((message) => message.name());
    for (const name of Object.keys(SERVER_EVENT_DATA)) expect(names).toContain(name);
    const channel = parsed!.channels().all()[0]!;
    expect(channel.address()).toBe(openStream.path);
    expect(channel.bindings().get('ws')?.value()).toMatchObject({ method: 'GET' });
  });

  it("pins each event message's type and carries the catalogue's event_data schema", async () => {
    const eventData = { type: 'object', properties: { mood: { type: 'string' } }, required: ['mood'] };
    const document = buildAsyncApiDocument({
      eventTypes: [{ name: 'session.created', description: 'An app-declared type.', schema: eventData }],
      serverUrl: 'https://api.oriva.io',
    });
    const { parsed, errors } = await parse(document);
    expect(errors).toEqual([]);
    const message = parsed!
      .allMessages()
      .all()
      .find((candidate) => candidate.name() === 'session.created')!;
    const payload = message.payload()!.json() as { properties: Record<string, unknown>; required: string[] };
    expect(payload.properties.type).toMatchObject({ const: 'session.created' });
    expect(payload.properties.event_data).toMatchObject(eventData);
    expect(payload.required).toEqual(expect.arrayContaining(['event_id', 'position', 'event_data']));
    expect(parsed!.servers().all()[0]!.protocol()).toBe('wss');
    expect(parsed!.servers().all()[0]!.host()).toBe('api.oriva.io');
  });

  it('describes the control frames both ways', async () => {
    const { parsed } = await parse(buildAsyncApiDocument({ eventTypes: [] }));
    const names = parsed!
      .allMessages()
      .all()
      .map((message) => message.name());
    expect(names).toEqual(
      expect.arrayContaining(['ready', 'subscribed', 'pong', 'error', 'subscribe', 'unsubscribe', 'ping']),
    );
  });
});
