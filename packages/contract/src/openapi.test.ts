import { describe, expect, it } from 'vitest';
import { platformEventTypes } from './asyncapi.js';
import { buildOpenApiDocument } from './openapi.js';
import { isIdempotent, SECURITY_SCHEMES } from './routes/responses.js';
import { IdempotencyKey, queryFlag } from './schemas/common.js';
import { SERVER_EVENT_DATA } from './schemas/webhook-events.js';

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: Array<{ $ref?: string; in?: string; name?: string }>;
  requestBody?: unknown;
  responses: Record<string, { headers?: Record<string, unknown> }>;
}

interface JsonSchema {
  $ref?: string;
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
}
interface WebhookOperation {
  description?: string;
  requestBody: { content: { 'application/json': { schema: JsonSchema } } };
}

const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, unknown>;
  components: { securitySchemes: Record<string, { description?: string }> };
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    name: `${method.toUpperCase()} ${path}`,
    method,
    operation,
  })),
);

describe('the OpenAPI document', () => {
  it('declares what the server adds to each kind of route, on every operation of that kind', () => {
    const gaps: string[] = [];
    for (const { name, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      const authenticated = (operation.security ?? []).length > 0;
      const takesKey = operation.parameters?.some((parameter) => parameter.$ref?.endsWith('/IdempotencyKey')) ?? false;
      const expectStatuses = (wanted: string[], why: string) => {
        for (const status of wanted) if (!statuses.includes(status)) gaps.push(`${name}: no ${status} (${why})`);
      };
      if (operation.requestBody) expectStatuses(['400', '413', '415'], 'it takes a body');
      if (authenticated) expectStatuses(['401', '403'], 'it takes credentials');
      if (operation.parameters?.some((parameter) => parameter.in === 'path'))
        expectStatuses(['400'], 'path parameters');
      if (isIdempotent({ method: method as 'post', security: operation.security ?? [] }) !== takesKey) {
        gaps.push(`${name}: Idempotency-Key ${takesKey ? 'declared but not honoured' : 'honoured but not declared'}`);
      }
      if (takesKey) expectStatuses(['400', '409'], 'it takes Idempotency-Key');
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response.headers?.['X-Request-Id']) gaps.push(`${name} ${status}: no X-Request-Id`);
        if (Number(status) >= 400 && !response.headers?.['x-should-retry'])
          gaps.push(`${name} ${status}: no x-should-retry`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('names three described security schemes, and healthz and readyz take none', () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(Object.keys(SECURITY_SCHEMES).sort());
    for (const scheme of Object.values(document.components.securitySchemes)) expect(scheme.description).toBeTruthy();
    expect(document.paths['/healthz']!.get!.security).toEqual([]);
    expect(document.paths['/readyz']!.get!.security).toEqual([]);
    for (const { name, operation } of operations) expect(operation.security, name).toBeDefined();
  });

  it('has one webhooks entry per event the server records itself', () => {
    expect(Object.keys(document.webhooks).sort()).toEqual(Object.keys(SERVER_EVENT_DATA).sort());
  });

  it("lists the catalogue's platform types in its order, each body carrying the catalogue's event_data schema", () => {
    const catalogue = platformEventTypes('draft-2020-12');
    expect(Object.keys(document.webhooks)).toEqual(catalogue.map((type) => type.name));
    const schemas = (document.components as unknown as { schemas: Record<string, JsonSchema> }).schemas;
    const resolve = (schema: JsonSchema): JsonSchema =>
      schema.$ref ? resolve(schemas[schema.$ref.replace('#/components/schemas/', '')]!) : schema;
    for (const { name, description, schema } of catalogue) {
      const entry = (document.webhooks[name] as { post: WebhookOperation }).post;
      expect(entry.description).toBe(description);
      const body = resolve(entry.requestBody.content['application/json'].schema);
      // The common WebhookPayload, then this event's own part.
      const own = resolve(body.allOf!.at(-1)!);
      expect(own.properties!.type).toMatchObject({ enum: [name] });
      const eventData = resolve(own.properties!.event_data!);
      const catalogued = schema as JsonSchema;
      expect(Object.keys(eventData.properties ?? {}).sort(), name).toEqual(
        Object.keys(catalogued.properties ?? {}).sort(),
      );
      expect([...(eventData.required ?? [])].sort(), name).toEqual([...(catalogued.required ?? [])].sort());
    }
  });
});

describe('shared request rules', () => {
  it('Idempotency-Key: 1-255 printable ASCII characters, space included', () => {
    for (const key of ['a', 'order 42 retry', '~!@#$%^&*()', 'k'.repeat(255)]) {
      expect(IdempotencyKey.safeParse(key).success, key).toBe(true);
    }
    for (const key of ['', 'k'.repeat(256), 'tab\there', 'é', 'line\nbreak']) {
      expect(IdempotencyKey.safeParse(key).success, key).toBe(false);
    }
  });

  it('boolean query flags take true, false, 1 and 0', () => {
    const flag = queryFlag();
    expect(['true', '1', 'false', '0'].map((value) => flag.parse(value))).toEqual([true, true, false, false]);
    expect(flag.safeParse('yes').success).toBe(false);
    expect(flag.safeParse('').success).toBe(false);
  });
});
