import { request as httpRequest } from 'node:http';
import { Parser } from '@asyncapi/parser';
import { buildOpenApiDocument, SERVER_EVENT_DATA, STREAM_SUBPROTOCOL } from '@oriva/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../testing/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /docs', () => {
  it('serves the reference page, rendering /openapi.json with the local Scalar bundle', async () => {
    const response = await server.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const script = html.match(/<script src="(\/docs\/scalar\.js[^"]*)"><\/script>/)?.[1];
    expect(script).toMatch(/^\/docs\/scalar\.js\?v=\d+\.\d+\.\d+/);
    expect(html).toContain("url: '/openapi.json'");
    // Offline: nothing is loaded from another origin.
    expect(html).not.toMatch(/src="https?:/);

    const bundle = await server.request(script!);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(bundle.headers.get('cache-control')).toContain('max-age=31536000');
    expect(await bundle.text()).toContain('createApiReference');
  });

  it('sends the deprecation link of legacy endpoints to the reference', async () => {
    const response = await server.request('/docs/migration', { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/docs#tag/legacy');
  });

  it('needs no credentials, and /openapi.json it points at is there', async () => {
    const document = await server.request('/openapi.json');
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it("has a webhooks entry for each of the catalogue's platform types, described as the catalogue describes it", async () => {
    const key = await server.createApp('docs-reader');
    const catalogue = (await (await server.request('/api/v1/event-types?limit=500', { token: key })).json()) as {
      event_types: Array<{ name: string; app_id: string | null }>;
    };
    const platform = catalogue.event_types.filter((type) => type.app_id === null).map((type) => type.name);
    expect(platform.length).toBeGreaterThan(0);
    const document = (await (await server.request('/openapi.json')).json()) as {
      webhooks: Record<string, { post: { description: string } }>;
    };
    expect(Object.keys(document.webhooks)).toEqual(platform);
    for (const name of platform) expect(document.webhooks[name]!.post.description).toContain(name);
  });
});

/** A GET with a Host header of our choosing (fetch does not let a caller set one). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('GET /openapi.json servers', () => {
  const serversOf = (body: string) => (JSON.parse(body) as { servers: { url: string }[] }).servers;

  it("names the server that answered, so the reference's requests reach this port", async () => {
    const response = await server.request('/openapi.json');
    expect(serversOf(await response.text())).toEqual([{ url: server.url, description: expect.any(String) }]);
    expect(response.headers.get('vary')).toContain('Host');
    expect(server.url).not.toContain(':8787');
  });

  it('follows the Host the caller used, and falls back to a relative URL for a Host that is not a plain host[:port]', async () => {
    expect(serversOf((await getWithHost(`${server.url}/openapi.json`, 'oriva.internal:9000')).body)[0]?.url).toBe(
      'http://oriva.internal:9000',
    );
    expect(serversOf((await getWithHost(`${server.url}/openapi.json`, 'under_score.example')).body)[0]?.url).toBe('/');
  });

  it('believes X-Forwarded-Host and -Proto only behind a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-host': 'api.example.com, inner.local', 'x-forwarded-proto': 'https' };
    const untrusted = await server.request('/openapi.json', { headers: forwarded });
    expect(serversOf(await untrusted.text())[0]?.url).toBe(server.url);
    const proxied = await startTestServer({ ORIVA_TRUST_PROXY: '1' });
    try {
      const trusted = await proxied.request('/openapi.json', { headers: forwarded });
      expect(serversOf(await trusted.text())[0]?.url).toBe('https://api.example.com');
    } finally {
      await proxied.close();
    }
  });

  it('leaves the generated docs/openapi.yml generic', () => {
    expect(buildOpenApiDocument().servers).toEqual([{ url: 'http://localhost:8787', description: expect.any(String) }]);
  });
});

describe('the reference opens on the introduction and publishing, with the admin last', () => {
  it('lists its tags with Events first and Operations (the prune) last, and explains the basics first', () => {
    const document = buildOpenApiDocument() as ReturnType<typeof buildOpenApiDocument> & { tags?: { name: string }[] };
    const names = document.tags?.map((tag) => tag.name) ?? [];
    expect(names[0]).toBe('Events');
    expect(names.at(-1)).toBe('Operations');
    // Every tag a route uses is listed, so none falls to Scalar's default order.
    const used = new Set(
      Object.values(document.paths ?? {}).flatMap((item) =>
        Object.values(item as Record<string, { tags?: string[] }>).flatMap((operation) => operation.tags ?? []),
      ),
    );
    expect([...used].filter((tag) => !names.includes(tag))).toEqual([]);
    for (const heading of [
      'Authentication',
      'Errors',
      'Rate limits',
      'Idempotency',
      'Pagination',
      'Webhook signatures',
      'The stream',
    ]) {
      expect(document.info.description).toContain(`## ${heading}`);
    }
  });
});

describe('GET /asyncapi.json', () => {
  it('is a valid AsyncAPI document with a message for every platform event type', async () => {
    const response = await server.request('/asyncapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { document, diagnostics } = await new Parser().parse(await response.text());
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);
    const names = document!
      .allMessages()
      .all()
      .map((message) => message.name());
    for (const name of Object.keys(SERVER_EVENT_DATA)) expect(names).toContain(name);
  });

  it("lists the types apps declared beside the platform's, and stays valid", async () => {
    const key = await server.createApp('asyncapi-declarer');
    const declared = await server.request('/api/v1/apps/asyncapi-declarer/event-types/session.ended', {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}` },
      json: {
        description: 'A focus session ended',
        schema: { type: 'object', required: ['duration'], properties: { duration: { type: 'integer', minimum: 0 } } },
        examples: [{ duration: 1500 }],
      },
    });
    expect(declared.status).toBe(201);
    const { document, diagnostics } = await new Parser().parse(await (await server.request('/asyncapi.json')).text());
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);
    const message = document!
      .allMessages()
      .all()
      .find((candidate) => candidate.name() === 'session.ended');
    expect(message?.summary()).toBe('A focus session ended');
    expect(message?.payload()?.properties()?.event_data?.required()).toEqual(['duration']);
  });

  it("points at this server's stream: a client following the document gets the ready frame", async () => {
    const { document } = await new Parser().parse(await (await server.request('/asyncapi.json')).text());
    const target = document!.servers().all()[0]!;
    const channel = document!.channels().all()[0]!;
    expect(channel.address()).toBe('/api/v1/events/stream');
    expect(channel.bindings().get('ws')?.value()).toMatchObject({ method: 'GET' });
    expect(`${target.protocol()}://${target.host()}`).toBe(server.url.replace(/^http/, 'ws'));

    const key = await server.createApp('asyncapi-app');
    const ws = new WebSocket(`${target.protocol()}://${target.host()}${channel.address()}`, [
      STREAM_SUBPROTOCOL,
      `auth.${key}`,
    ]);
    const first = await new Promise<string>((resolve, reject) => {
      ws.once('message', (data) => resolve(String(data)));
      ws.once('error', reject);
    });
    ws.close();
    expect(ws.protocol).toBe(STREAM_SUBPROTOCOL);
    expect(JSON.parse(first)).toMatchObject({ control: 'ready' });
  });
});
