import type { RouteConfig } from '@hono/zod-openapi';

interface ParsingSchema {
  safeParse(value: unknown): unknown;
  safeParseAsync(value: unknown): Promise<unknown>;
}

const patched = new WeakSet<object>();

/**
 * Makes a route's request schemas parse synchronously under @hono/zod-validator.
 *
 * Why: the validator always calls `safeParseAsync`, and zod 4 runs its JIT-compiled object parser only in a
 * synchronous parse. With the compiled parser a 500-event batch validates in ~0.8 ms instead of ~1.4 ms (the
 * `ingest` benchmark's batch path). The contract has no async refinements, so `safeParse` gives the same answers;
 * a schema that gained one would throw at its first parse in the tests rather than validate wrongly.
 *
 * The schema instances are patched in place (their identity is what the OpenAPI registry keys on), once each.
 */
export function parseRequestsSynchronously(route: RouteConfig): void {
  const request = route.request;
  if (!request) return;
  const schemas: unknown[] = [request.params, request.query, request.headers];
  for (const content of Object.values(request.body?.content ?? {}))
    schemas.push((content as { schema?: unknown }).schema);
  for (const schema of schemas) {
    if (!isParsingSchema(schema) || patched.has(schema)) continue;
    patched.add(schema);
    schema.safeParseAsync = async (value: unknown) => schema.safeParse(value);
  }
}

function isParsingSchema(value: unknown): value is ParsingSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ParsingSchema).safeParse === 'function' &&
    typeof (value as ParsingSchema).safeParseAsync === 'function'
  );
}
